using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParseJobs.Api.Persistence.Migrations
{
    /// <summary>A NOTIFY on <c>parsejobs_job_ended</c> (payload: the job id) when a job completes or fails, on whatever
    /// connection ends it: long polls on every node wake from it (Jobs/JobEndSignals). No model change.</summary>
    [DbContext(typeof(ParseJobsDbContext))]
    [Migration("20261202033000_JobEndedNotification")]
    public partial class JobEndedNotification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION parsejobs.notify_job_ended() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('parsejobs_job_ended', NEW.id::text);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER job_ended AFTER UPDATE OF status ON parsejobs.jobs FOR EACH ROW
                    WHEN (NEW.status IN ('Completed', 'Failed') AND OLD.status IS DISTINCT FROM NEW.status)
                    EXECUTE FUNCTION parsejobs.notify_job_ended();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS job_ended ON parsejobs.jobs;
                DROP FUNCTION IF EXISTS parsejobs.notify_job_ended();
                """);
        }
    }
}

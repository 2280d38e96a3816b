using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParseJobs.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DocumentParse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parameters",
                schema: "parsejobs",
                table: "jobs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "meta",
                schema: "parsejobs",
                table: "job_results",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "job_images",
                schema: "parsejobs",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_images", x => new { x.job_id, x.segment_id });
                    table.ForeignKey(
                        name: "fk_job_images_jobs_job_id",
                        column: x => x.job_id,
                        principalSchema: "parsejobs",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_images",
                schema: "parsejobs");

            migrationBuilder.DropColumn(
                name: "parameters",
                schema: "parsejobs",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "meta",
                schema: "parsejobs",
                table: "job_results");
        }
    }
}

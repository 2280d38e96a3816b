using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParseJobs.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlatformV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dispatched_at",
                schema: "parsejobs",
                table: "jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "failed_items",
                schema: "parsejobs",
                table: "jobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "processed_items",
                schema: "parsejobs",
                table: "jobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "total_items",
                schema: "parsejobs",
                table: "jobs",
                type: "integer",
                nullable: true);

            // json keeps the text as written (the documented key order); existing rows keep their data, in the
            // key order jsonb had normalised them to.
            migrationBuilder.Sql("ALTER TABLE parsejobs.job_results ALTER COLUMN data TYPE json USING data::json;");

            // Jobs enqueued before this migration count as dispatched, so the sweeper does not enqueue them again.
            migrationBuilder.Sql("UPDATE parsejobs.jobs SET dispatched_at = created_at WHERE background_job_id IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "job_items",
                schema: "parsejobs",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    chunk = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source_name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    input = table.Column<string>(type: "jsonb", nullable: true),
                    attempt_count = table.Column<int>(type: "integer", nullable: false),
                    error_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    error_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    result = table.Column<string>(type: "json", nullable: true),
                    overall_score = table.Column<double>(type: "double precision", nullable: true),
                    background_job_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_items", x => new { x.job_id, x.seq });
                    table.ForeignKey(
                        name: "fk_job_items_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "parsejobs",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_job_items_jobs_job_id",
                        column: x => x.job_id,
                        principalSchema: "parsejobs",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_items_document_id",
                schema: "parsejobs",
                table: "job_items",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_items_job_id_chunk",
                schema: "parsejobs",
                table: "job_items",
                columns: new[] { "job_id", "chunk" });

            migrationBuilder.CreateIndex(
                name: "ix_job_items_job_id_overall_score",
                schema: "parsejobs",
                table: "job_items",
                columns: new[] { "job_id", "overall_score" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_items",
                schema: "parsejobs");

            migrationBuilder.DropColumn(
                name: "dispatched_at",
                schema: "parsejobs",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "failed_items",
                schema: "parsejobs",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "processed_items",
                schema: "parsejobs",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "total_items",
                schema: "parsejobs",
                table: "jobs");

            migrationBuilder.Sql("ALTER TABLE parsejobs.job_results ALTER COLUMN data TYPE jsonb USING data::jsonb;");
        }
    }
}

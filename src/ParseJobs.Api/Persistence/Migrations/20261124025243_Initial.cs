using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParseJobs.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "parsejobs");

            migrationBuilder.CreateTable(
                name: "organisations",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    scopes = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "parsejobs",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    detected_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "parsejobs",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jobs",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    data_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    total_pages = table.Column<int>(type: "integer", nullable: true),
                    processed_pages = table.Column<int>(type: "integer", nullable: true),
                    attempt_count = table.Column<int>(type: "integer", nullable: false),
                    error_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    error_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    execution_time_seconds = table.Column<double>(type: "double precision", nullable: true),
                    background_job_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_jobs_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "parsejobs",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_jobs_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "parsejobs",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_results",
                schema: "parsejobs",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_results", x => x.job_id);
                    table.ForeignKey(
                        name: "fk_job_results_jobs_job_id",
                        column: x => x.job_id,
                        principalSchema: "parsejobs",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_organisation_id",
                schema: "parsejobs",
                table: "api_keys",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                schema: "parsejobs",
                table: "api_keys",
                column: "prefix");

            migrationBuilder.CreateIndex(
                name: "ix_documents_organisation_id",
                schema: "parsejobs",
                table: "documents",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_document_id",
                schema: "parsejobs",
                table: "jobs",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_organisation_id_created_at",
                schema: "parsejobs",
                table: "jobs",
                columns: new[] { "organisation_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_status_updated_at",
                schema: "parsejobs",
                table: "jobs",
                columns: new[] { "status", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_slug",
                schema: "parsejobs",
                table: "organisations",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "job_results",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "jobs",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "documents",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "organisations",
                schema: "parsejobs");
        }
    }
}

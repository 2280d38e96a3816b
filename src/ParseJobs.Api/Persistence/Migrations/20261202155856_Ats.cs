using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParseJobs.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Ats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ats_connections",
                schema: "parsejobs",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    system = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    protected_settings = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ats_connections", x => new { x.organisation_id, x.system });
                    table.ForeignKey(
                        name: "fk_ats_connections_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "parsejobs",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    display_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    provisioned_from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    external_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "parsejobs",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ats_system = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    consultant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    job_post_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    job_post_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    job_post_description = table.Column<string>(type: "text", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    request_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                    table.ForeignKey(
                        name: "fk_projects_jobs_job_id",
                        column: x => x.job_id,
                        principalSchema: "parsejobs",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_projects_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "parsejobs",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_projects_users_owner_user_id",
                        column: x => x.owner_user_id,
                        principalSchema: "parsejobs",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "project_candidates",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    ats_system = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    applicant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    headline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_candidates_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "parsejobs",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "candidate_pdfs",
                schema: "parsejobs",
                columns: table => new
                {
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    anonymised = table.Column<bool>(type: "boolean", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidate_pdfs", x => new { x.candidate_id, x.anonymised });
                    table.ForeignKey(
                        name: "fk_candidate_pdfs_project_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalSchema: "parsejobs",
                        principalTable: "project_candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_project_candidates_organisation_id",
                schema: "parsejobs",
                table: "project_candidates",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_candidates_project_id_seq",
                schema: "parsejobs",
                table: "project_candidates",
                columns: new[] { "project_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_job_id",
                schema: "parsejobs",
                table: "projects",
                column: "job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_organisation_id_idempotency_key",
                schema: "parsejobs",
                table: "projects",
                columns: new[] { "organisation_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_projects_organisation_id_request_fingerprint_created_at",
                schema: "parsejobs",
                table: "projects",
                columns: new[] { "organisation_id", "request_fingerprint", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_owner_user_id",
                schema: "parsejobs",
                table: "projects",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_organisation_id_email",
                schema: "parsejobs",
                table: "users",
                columns: new[] { "organisation_id", "email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ats_connections",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "candidate_pdfs",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "project_candidates",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "projects",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "users",
                schema: "parsejobs");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParseJobs.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    actor = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    jobs = table.Column<int>(type: "integer", nullable: false),
                    job_items = table.Column<int>(type: "integer", nullable: false),
                    job_images = table.Column<int>(type: "integer", nullable: false),
                    job_results = table.Column<int>(type: "integer", nullable: false),
                    documents = table.Column<int>(type: "integer", nullable: false),
                    api_keys = table.Column<int>(type: "integer", nullable: false),
                    organisations = table.Column<int>(type: "integer", nullable: false),
                    job_ids = table.Column<Guid[]>(type: "uuid[]", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "parsejobs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_policies",
                schema: "parsejobs",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    completed_job_days = table.Column<int>(type: "integer", nullable: true),
                    failed_job_days = table.Column<int>(type: "integer", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_policies", x => x.organisation_id);
                    table.CheckConstraint("ck_retention_policies_completed_days", "completed_job_days BETWEEN 1 AND 3650");
                    table.CheckConstraint("ck_retention_policies_failed_days", "failed_job_days BETWEEN 1 AND 3650");
                    table.ForeignKey(
                        name: "fk_retention_policies_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "parsejobs",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_organisation_id_id",
                schema: "parsejobs",
                table: "audit_log",
                columns: new[] { "organisation_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "parsejobs");

            migrationBuilder.DropTable(
                name: "retention_policies",
                schema: "parsejobs");
        }
    }
}

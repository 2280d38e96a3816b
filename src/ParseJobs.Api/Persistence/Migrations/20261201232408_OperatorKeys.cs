using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParseJobs.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OperatorKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "organisation_id",
                schema: "parsejobs",
                table: "api_keys",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Operator keys have no organisation to fall back to: they go.
            migrationBuilder.Sql("DELETE FROM parsejobs.api_keys WHERE organisation_id IS NULL;");
            migrationBuilder.AlterColumn<Guid>(
                name: "organisation_id",
                schema: "parsejobs",
                table: "api_keys",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class UnitMembershipAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                schema: "platform",
                table: "UnitMemberships",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgencyCode",
                schema: "platform",
                table: "UnitMemberships");
        }
    }
}

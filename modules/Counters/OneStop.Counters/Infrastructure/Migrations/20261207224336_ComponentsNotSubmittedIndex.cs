using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class ComponentsNotSubmittedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DossierComponents_NotSubmitted",
                schema: "counters",
                table: "DossierComponents",
                column: "DossierId",
                filter: "\"Source\" <> 'SUBMITTED'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierComponents_NotSubmitted",
                schema: "counters",
                table: "DossierComponents");
        }
    }
}

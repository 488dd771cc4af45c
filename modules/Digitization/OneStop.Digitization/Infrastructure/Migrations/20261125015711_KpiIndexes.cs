using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Digitization.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class KpiIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivedAt",
                schema: "digitization",
                table: "Dossiers",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_SignedAt",
                schema: "digitization",
                table: "Documents",
                column: "SignedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ReceivedAt",
                schema: "digitization",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Documents_SignedAt",
                schema: "digitization",
                table: "Documents");
        }
    }
}

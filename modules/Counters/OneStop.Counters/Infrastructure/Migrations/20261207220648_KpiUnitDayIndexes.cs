using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class KpiUnitDayIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivingUnitId_ReceivedAt",
                schema: "counters",
                table: "Dossiers",
                columns: new[] { "ReceivingUnitId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ResolvingUnitId_ReceivedAt",
                schema: "counters",
                table: "Dossiers",
                columns: new[] { "ResolvingUnitId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ResolvingUnitId_ResolvedAt",
                schema: "counters",
                table: "Dossiers",
                columns: new[] { "ResolvingUnitId", "ResolvedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ReceivingUnitId_ReceivedAt",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ResolvingUnitId_ReceivedAt",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ResolvingUnitId_ResolvedAt",
                schema: "counters",
                table: "Dossiers");
        }
    }
}

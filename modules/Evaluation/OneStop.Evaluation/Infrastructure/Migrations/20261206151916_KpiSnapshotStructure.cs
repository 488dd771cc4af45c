using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Evaluation.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class KpiSnapshotStructure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiSnapshots_KpiCode_PeriodKey_UnitId",
                schema: "evaluation",
                table: "KpiSnapshots");

            // Snapshots computed before hold in both views until the next run rewrites their year (ADR 0016): before a
            // reorganisation is applied the two views are the same.
            migrationBuilder.AddColumn<string>(
                name: "Structure",
                schema: "evaluation",
                table: "KpiSnapshots",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "both");

            migrationBuilder.CreateIndex(
                name: "IX_KpiSnapshots_KpiCode_PeriodKey_UnitId_Structure",
                schema: "evaluation",
                table: "KpiSnapshots",
                columns: new[] { "KpiCode", "PeriodKey", "UnitId", "Structure" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiSnapshots_KpiCode_PeriodKey_UnitId_Structure",
                schema: "evaluation",
                table: "KpiSnapshots");

            migrationBuilder.DropColumn(
                name: "Structure",
                schema: "evaluation",
                table: "KpiSnapshots");

            migrationBuilder.CreateIndex(
                name: "IX_KpiSnapshots_KpiCode_PeriodKey_UnitId",
                schema: "evaluation",
                table: "KpiSnapshots",
                columns: new[] { "KpiCode", "PeriodKey", "UnitId" },
                unique: true);
        }
    }
}

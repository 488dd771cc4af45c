using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Evaluation.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class KpiDayPartials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KpiDayCoverage",
                schema: "evaluation",
                columns: table => new
                {
                    Calculator = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiDayCoverage", x => new { x.Calculator, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "KpiDayPartials",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "text", nullable: false),
                    AsIsUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    RollsUp = table.Column<bool>(type: "boolean", nullable: false),
                    Numerator = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Denominator = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiDayPartials", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KpiSnapshots_UnitId_PeriodKey",
                schema: "evaluation",
                table: "KpiSnapshots",
                columns: new[] { "UnitId", "PeriodKey" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiDayPartials_KpiCode_Day",
                schema: "evaluation",
                table: "KpiDayPartials",
                columns: new[] { "KpiCode", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KpiDayCoverage",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "KpiDayPartials",
                schema: "evaluation");

            migrationBuilder.DropIndex(
                name: "IX_KpiSnapshots_UnitId_PeriodKey",
                schema: "evaluation",
                table: "KpiSnapshots");
        }
    }
}

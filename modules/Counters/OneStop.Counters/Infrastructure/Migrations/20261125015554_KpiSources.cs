using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class KpiSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                schema: "counters",
                table: "Procedures",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PopulationDataConnected",
                schema: "counters",
                table: "Procedures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                schema: "counters",
                table: "Procedures",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FeeVnd",
                schema: "counters",
                table: "Dossiers",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentMethod",
                schema: "counters",
                table: "Dossiers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivedAt_UnitPath",
                schema: "counters",
                table: "Dossiers",
                columns: new[] { "ReceivedAt", "UnitPath" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ResolvedAt_SharedUnitPath",
                schema: "counters",
                table: "Dossiers",
                columns: new[] { "ResolvedAt", "SharedUnitPath" });

            // Existing catalogues get what the seeder gives a new one (SOURCES.md): in force and published since the
            // plan's start; civil status, residence and exit-entry procedures connected to the population database.
            // Existing dossiers get their channel's fee from the catalogue (how it was paid stays unknown).
            migrationBuilder.Sql("""
                UPDATE counters."Procedures" SET "EffectiveFrom" = DATE '2021-01-01', "PublishedOn" = DATE '2021-01-01' WHERE "EffectiveFrom" IS NULL;
                UPDATE counters."Procedures" SET "PopulationDataConnected" = true
                 WHERE "Field" ILIKE '%hộ tịch%' OR "Field" ILIKE '%cư trú%' OR "Field" ILIKE '%xuất nhập cảnh%';
                UPDATE counters."Dossiers" d SET "FeeVnd" = (SELECT coalesce(sum(f."AmountVnd"), 0) FROM counters."ProcedureFees" f
                                                             WHERE f."ProcedureId" = d."ProcedureId" AND f."Channel" = d."Channel");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ReceivedAt_UnitPath",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ResolvedAt_SharedUnitPath",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                schema: "counters",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "PopulationDataConnected",
                schema: "counters",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                schema: "counters",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "FeeVnd",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "PaymentMethod",
                schema: "counters",
                table: "Dossiers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Evaluation.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class KpiTargetUnitLegalBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Targets_Code_Year_Level",
                schema: "evaluation",
                table: "Targets");

            migrationBuilder.AddColumn<bool>(
                name: "ExcludesEspeciallyDifficult",
                schema: "evaluation",
                table: "Targets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                schema: "evaluation",
                table: "Targets",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "UnitId",
                schema: "evaluation",
                table: "Targets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Code_Year_Level_UnitId",
                schema: "evaluation",
                table: "Targets",
                columns: new[] { "Code", "Year", "Level", "UnitId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Targets_Code_Year_Level_UnitId",
                schema: "evaluation",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "ExcludesEspeciallyDifficult",
                schema: "evaluation",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "LegalBasis",
                schema: "evaluation",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "UnitId",
                schema: "evaluation",
                table: "Targets");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Code_Year_Level",
                schema: "evaluation",
                table: "Targets",
                columns: new[] { "Code", "Year", "Level" },
                unique: true);
        }
    }
}

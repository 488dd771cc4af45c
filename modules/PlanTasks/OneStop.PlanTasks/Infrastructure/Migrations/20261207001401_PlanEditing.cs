using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.PlanTasks.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class PlanEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CompletionDay",
                schema: "plantasks",
                table: "Tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                schema: "plantasks",
                table: "Plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveTo",
                schema: "plantasks",
                table: "Plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EndYear",
                schema: "plantasks",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Number",
                schema: "plantasks",
                table: "Plans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Signer",
                schema: "plantasks",
                table: "Plans",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "StartYear",
                schema: "plantasks",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                schema: "plantasks",
                table: "Plans",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // The seeded 2021–2025 plan, already in a database, gets its record (ADR 0024); a new database gets it from the seeder.
            migrationBuilder.Sql("""
                UPDATE plantasks."Plans" SET "Number" = '/KH-UBND', "Signer" = 'Chủ tịch UBND tỉnh', "StartYear" = 2021, "EndYear" = 2025,
                    "Status" = 'issued', "EffectiveFrom" = DATE '2021-06-01', "EffectiveTo" = DATE '2025-12-31'
                WHERE "Code" = 'KH-468-HD-2021';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CompletionDay",
                schema: "plantasks",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                schema: "plantasks",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EffectiveTo",
                schema: "plantasks",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EndYear",
                schema: "plantasks",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Number",
                schema: "plantasks",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Signer",
                schema: "plantasks",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "StartYear",
                schema: "plantasks",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Status",
                schema: "plantasks",
                table: "Plans");
        }
    }
}

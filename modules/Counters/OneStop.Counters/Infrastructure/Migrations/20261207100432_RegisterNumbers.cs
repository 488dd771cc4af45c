using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class RegisterNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RegisterNumber",
                schema: "counters",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DossierRegisterCounters",
                schema: "counters",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierRegisterCounters", x => new { x.UnitId, x.Year });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierRegisterCounters",
                schema: "counters");

            migrationBuilder.DropColumn(
                name: "RegisterNumber",
                schema: "counters",
                table: "Dossiers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class DossierReceivingUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReceivingUnitId",
                schema: "counters",
                table: "Dossiers",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Until now no dossier changed hands between units: the owner is the unit that received it.
            migrationBuilder.Sql("UPDATE counters.\"Dossiers\" SET \"ReceivingUnitId\" = \"UnitId\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReceivingUnitId",
                schema: "counters",
                table: "Dossiers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Digitization.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class ConsentPerUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Consents_ApplicantIdentity",
                schema: "digitization",
                table: "Consents");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EffectiveFrom",
                schema: "digitization",
                table: "Consents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Records made before consent was per unit took effect when recorded; each stays with the unit that recorded it (ADR 0035).
            migrationBuilder.Sql("""UPDATE digitization."Consents" SET "EffectiveFrom" = "CreatedAt";""");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ApplicantIdentity_UnitId_EffectiveFrom",
                schema: "digitization",
                table: "Consents",
                columns: new[] { "ApplicantIdentity", "UnitId", "EffectiveFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Consents_ApplicantIdentity_UnitId_EffectiveFrom",
                schema: "digitization",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                schema: "digitization",
                table: "Consents");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ApplicantIdentity",
                schema: "digitization",
                table: "Consents",
                column: "ApplicantIdentity");
        }
    }
}

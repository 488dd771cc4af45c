using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Digitization.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class ResultsRegisterNotAskedAgain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ApplicantVerified",
                schema: "digitization",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "NotAskedCount",
                schema: "digitization",
                table: "Dossiers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ResolvingUnitId",
                schema: "digitization",
                table: "Dossiers",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "ResolvingUnitPath",
                schema: "digitization",
                table: "Dossiers",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Results",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedUnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CompetentLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicantIdentity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DigitisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Results", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Results_DocumentId",
                schema: "digitization",
                table: "Results",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Results_DossierId",
                schema: "digitization",
                table: "Results",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Results_IssuedOn_ValidUntil",
                schema: "digitization",
                table: "Results",
                columns: new[] { "IssuedOn", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Results_SharedUnitPath",
                schema: "digitization",
                table: "Results",
                column: "SharedUnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Results_UnitPath",
                schema: "digitization",
                table: "Results",
                column: "UnitPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Results",
                schema: "digitization");

            migrationBuilder.DropColumn(
                name: "ApplicantVerified",
                schema: "digitization",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "NotAskedCount",
                schema: "digitization",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ResolvingUnitId",
                schema: "digitization",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ResolvingUnitPath",
                schema: "digitization",
                table: "Dossiers");
        }
    }
}

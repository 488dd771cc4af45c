using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class UnitsReorganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AdministrativeUnits_Code",
                schema: "platform",
                table: "AdministrativeUnits");

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                schema: "platform",
                table: "UnitSuccessions",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<Guid>(
                name: "ChangeSetId",
                schema: "platform",
                table: "UnitSuccessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPrimary",
                schema: "platform",
                table: "UnitSuccessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "SuccessorId",
                schema: "platform",
                table: "Agencies",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                schema: "platform",
                table: "Agencies",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidTo",
                schema: "platform",
                table: "Agencies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreatedByChangeSetId",
                schema: "platform",
                table: "AdministrativeUnits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalPath",
                schema: "platform",
                table: "AdministrativeUnits",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                defaultValue: "");

            // Seeded units and agencies stood where they stand, since the start of the 2021 tree.
            migrationBuilder.Sql("UPDATE platform.\"AdministrativeUnits\" SET \"OriginalPath\" = \"Path\";");
            migrationBuilder.Sql("UPDATE platform.\"Agencies\" SET \"ValidFrom\" = DATE '2021-01-01';");

            migrationBuilder.CreateTable(
                name: "Reorganisations",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PlanJson = table.Column<string>(type: "text", nullable: false),
                    ChoicesJson = table.Column<string>(type: "text", nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TookEffectAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reorganisations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitSuccessions_PredecessorId",
                schema: "platform",
                table: "UnitSuccessions",
                column: "PredecessorId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitSuccessions_SuccessorId",
                schema: "platform",
                table: "UnitSuccessions",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeUnits_Code_ValidFrom",
                schema: "platform",
                table: "AdministrativeUnits",
                columns: new[] { "Code", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reorganisations_ContentHash",
                schema: "platform",
                table: "Reorganisations",
                column: "ContentHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reorganisations",
                schema: "platform");

            migrationBuilder.DropIndex(
                name: "IX_UnitSuccessions_PredecessorId",
                schema: "platform",
                table: "UnitSuccessions");

            migrationBuilder.DropIndex(
                name: "IX_UnitSuccessions_SuccessorId",
                schema: "platform",
                table: "UnitSuccessions");

            migrationBuilder.DropIndex(
                name: "IX_AdministrativeUnits_Code_ValidFrom",
                schema: "platform",
                table: "AdministrativeUnits");

            migrationBuilder.DropColumn(
                name: "ChangeSetId",
                schema: "platform",
                table: "UnitSuccessions");

            migrationBuilder.DropColumn(
                name: "IsPrimary",
                schema: "platform",
                table: "UnitSuccessions");

            migrationBuilder.DropColumn(
                name: "SuccessorId",
                schema: "platform",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                schema: "platform",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "ValidTo",
                schema: "platform",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "CreatedByChangeSetId",
                schema: "platform",
                table: "AdministrativeUnits");

            migrationBuilder.DropColumn(
                name: "OriginalPath",
                schema: "platform",
                table: "AdministrativeUnits");

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                schema: "platform",
                table: "UnitSuccessions",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeUnits_Code",
                schema: "platform",
                table: "AdministrativeUnits",
                column: "Code",
                unique: true);
        }
    }
}

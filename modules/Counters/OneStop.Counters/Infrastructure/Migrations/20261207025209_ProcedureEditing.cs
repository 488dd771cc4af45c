using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class ProcedureEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormSchema",
                schema: "counters",
                table: "ProcedureVersions",
                type: "character varying(32000)",
                maxLength: 32000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OnlinePartial",
                schema: "counters",
                table: "ProcedureVersions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ResultTypes",
                schema: "counters",
                table: "ProcedureVersions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "OnlinePartial",
                schema: "counters",
                table: "Procedures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Exemption",
                schema: "counters",
                table: "ProcedureFees",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubmissionForm",
                schema: "counters",
                table: "ProcedureComponents",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "ORIGINAL");

            migrationBuilder.AddColumn<string>(
                name: "FormData",
                schema: "counters",
                table: "Dossiers",
                type: "character varying(32000)",
                maxLength: 32000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentTypes",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    RetiredFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureVersionComponents",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    DocumentTypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    SubmissionForm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureVersionComponents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureVersionComponents_ProcedureVersions_ProcedureVersi~",
                        column: x => x.ProcedureVersionId,
                        principalSchema: "counters",
                        principalTable: "ProcedureVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureVersionFees",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AmountVnd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Exemption = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureVersionFees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureVersionFees_ProcedureVersions_ProcedureVersionId",
                        column: x => x.ProcedureVersionId,
                        principalSchema: "counters",
                        principalTable: "ProcedureVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTypes_Code",
                schema: "counters",
                table: "DocumentTypes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersionComponents_DocumentTypeCode",
                schema: "counters",
                table: "ProcedureVersionComponents",
                column: "DocumentTypeCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersionComponents_ProcedureVersionId_Order",
                schema: "counters",
                table: "ProcedureVersionComponents",
                columns: new[] { "ProcedureVersionId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersionFees_ProcedureVersionId",
                schema: "counters",
                table: "ProcedureVersionFees",
                column: "ProcedureVersionId");

            // Every existing version gets the components and fees the procedure has now (ADR 0028): before this
            // migration only the head held them, so that is the best record there is of what each version asked for.
            // The document-type code list itself is filled by the seeder at the next start (it seeds while empty).
            migrationBuilder.Sql("""
                INSERT INTO counters."ProcedureVersionComponents" ("Id", "ProcedureVersionId", "Order", "DocumentTypeCode", "Name", "Required", "SubmissionForm")
                SELECT gen_random_uuid(), v."Id", c."Order", c."DocumentTypeCode", c."Name", c."Required", c."SubmissionForm"
                FROM counters."ProcedureVersions" v JOIN counters."ProcedureComponents" c ON c."ProcedureId" = v."ProcedureId";
                INSERT INTO counters."ProcedureVersionFees" ("Id", "ProcedureVersionId", "Channel", "Kind", "AmountVnd", "Exemption")
                SELECT gen_random_uuid(), v."Id", f."Channel", f."Kind", f."AmountVnd", f."Exemption"
                FROM counters."ProcedureVersions" v JOIN counters."ProcedureFees" f ON f."ProcedureId" = v."ProcedureId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentTypes",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "ProcedureVersionComponents",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "ProcedureVersionFees",
                schema: "counters");

            migrationBuilder.DropColumn(
                name: "FormSchema",
                schema: "counters",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "OnlinePartial",
                schema: "counters",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "ResultTypes",
                schema: "counters",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "OnlinePartial",
                schema: "counters",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "Exemption",
                schema: "counters",
                table: "ProcedureFees");

            migrationBuilder.DropColumn(
                name: "SubmissionForm",
                schema: "counters",
                table: "ProcedureComponents");

            migrationBuilder.DropColumn(
                name: "FormData",
                schema: "counters",
                table: "Dossiers");
        }
    }
}

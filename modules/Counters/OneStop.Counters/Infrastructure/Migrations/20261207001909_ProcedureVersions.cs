using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class ProcedureVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AbolishedFrom",
                schema: "counters",
                table: "Procedures",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProcedureVersion",
                schema: "counters",
                table: "Dossiers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ProcedureVersions",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    SourceHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Changes = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Field = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ExecutingAgency = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AtCommune = table.Column<bool>(type: "boolean", nullable: false),
                    AtDistrict = table.Column<bool>(type: "boolean", nullable: false),
                    AtProvince = table.Column<bool>(type: "boolean", nullable: false),
                    ChannelsText = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FeesText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureVersions_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalSchema: "counters",
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersions_ProcedureId_Number",
                schema: "counters",
                table: "ProcedureVersions",
                columns: new[] { "ProcedureId", "Number" },
                unique: true);

            // Existing data (ADR 0025): every legal-time version becomes a procedure version with the same number and
            // date (version 1 from the seed, later ones entered by hand); a procedure without legal times gets version 1
            // at its effective date. Dossiers keep the legal-time version they were received under as their version.
            migrationBuilder.Sql("""
                INSERT INTO counters."ProcedureVersions" ("Id", "ProcedureId", "Number", "EffectiveFrom", "Status", "SourceKind", "SourceName",
                    "SourceHash", "Changes", "Name", "Field", "ExecutingAgency", "AtCommune", "AtDistrict", "AtProvince", "ChannelsText",
                    "FeesText", "CreatedAt", "CreatedBy")
                SELECT gen_random_uuid(), p."Id", v."Version", v."EffectiveFrom", 'active',
                    CASE WHEN v."Version" = 1 THEN 'seed' ELSE 'manual' END,
                    CASE WHEN v."Version" = 1 THEN left(p."Source", 512) ELSE left(v."Reason", 512) END,
                    '', CASE WHEN v."Version" = 1 THEN '' ELSE 'legalTime' END,
                    p."Name", p."Field", p."ExecutingAgency", p."AtCommune", p."AtDistrict", p."AtProvince",
                    'DIRECT' || CASE WHEN p."FullyOnline" THEN ';ONLINE' ELSE '' END || CASE WHEN p."PostalAllowed" THEN ';POSTAL' ELSE '' END,
                    left(coalesce(f."Text", ''), 2000), now(), 'migration'
                FROM counters."Procedures" p
                JOIN (SELECT "ProcedureId", "Version", min("EffectiveFrom") AS "EffectiveFrom", min("Reason") AS "Reason"
                      FROM counters."ProcedureLegalTimes" GROUP BY "ProcedureId", "Version") v ON v."ProcedureId" = p."Id"
                LEFT JOIN (SELECT "ProcedureId", string_agg("Channel" || ':' || "Kind" || '=' || trim_scale("AmountVnd")::text, ';'
                           ORDER BY "Channel", "Kind", "AmountVnd") AS "Text"
                           FROM counters."ProcedureFees" GROUP BY "ProcedureId") f ON f."ProcedureId" = p."Id";

                INSERT INTO counters."ProcedureVersions" ("Id", "ProcedureId", "Number", "EffectiveFrom", "Status", "SourceKind", "SourceName",
                    "SourceHash", "Changes", "Name", "Field", "ExecutingAgency", "AtCommune", "AtDistrict", "AtProvince", "ChannelsText",
                    "FeesText", "CreatedAt", "CreatedBy")
                SELECT gen_random_uuid(), p."Id", 1, coalesce(p."EffectiveFrom", DATE '2021-01-01'), 'active', 'seed', left(p."Source", 512), '', '',
                    p."Name", p."Field", p."ExecutingAgency", p."AtCommune", p."AtDistrict", p."AtProvince",
                    'DIRECT' || CASE WHEN p."FullyOnline" THEN ';ONLINE' ELSE '' END || CASE WHEN p."PostalAllowed" THEN ';POSTAL' ELSE '' END,
                    '', now(), 'migration'
                FROM counters."Procedures" p
                WHERE NOT EXISTS (SELECT 1 FROM counters."ProcedureLegalTimes" t WHERE t."ProcedureId" = p."Id");

                UPDATE counters."Dossiers" SET "ProcedureVersion" = "LegalTimeVersion";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcedureVersions",
                schema: "counters");

            migrationBuilder.DropColumn(
                name: "AbolishedFrom",
                schema: "counters",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "ProcedureVersion",
                schema: "counters",
                table: "Dossiers");
        }
    }
}

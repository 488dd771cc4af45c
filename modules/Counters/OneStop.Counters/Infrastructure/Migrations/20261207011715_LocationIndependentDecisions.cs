using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class LocationIndependentDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocationIndependentDecisions",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Signer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    WholeProvince = table.Column<bool>(type: "boolean", nullable: false),
                    SignedPdfKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SignedPdfName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocationIndependentDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LocationIndependentDecisionProcedures",
                schema: "counters",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocationIndependentDecisionProcedures", x => new { x.DecisionId, x.ProcedureCode });
                    table.ForeignKey(
                        name: "FK_LocationIndependentDecisionProcedures_LocationIndependentDe~",
                        column: x => x.DecisionId,
                        principalSchema: "counters",
                        principalTable: "LocationIndependentDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LocationIndependentDecisionUnits",
                schema: "counters",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocationIndependentDecisionUnits", x => new { x.DecisionId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_LocationIndependentDecisionUnits_LocationIndependentDecisio~",
                        column: x => x.DecisionId,
                        principalSchema: "counters",
                        principalTable: "LocationIndependentDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LocationIndependentDecisionProcedures_ProcedureCode",
                schema: "counters",
                table: "LocationIndependentDecisionProcedures",
                column: "ProcedureCode");

            migrationBuilder.CreateIndex(
                name: "IX_LocationIndependentDecisions_EffectiveFrom",
                schema: "counters",
                table: "LocationIndependentDecisions",
                column: "EffectiveFrom");

            migrationBuilder.CreateIndex(
                name: "IX_LocationIndependentDecisions_Number_SignedOn",
                schema: "counters",
                table: "LocationIndependentDecisions",
                columns: new[] { "Number", "SignedOn" },
                unique: true);

            // An installation upgraded from the per-procedure flag keeps what its desks received: one record, labelled as
            // converted, listing the flagged procedures province-wide until the province's own decisions replace it. A
            // fresh database has no procedures yet, so nothing is inserted (ADR 0027).
            migrationBuilder.Sql("""
                INSERT INTO counters."LocationIndependentDecisions"
                    ("Id", "Number", "SignedOn", "Signer", "Title", "EffectiveFrom", "EffectiveTo", "WholeProvince", "CreatedAt", "CreatedBy")
                SELECT '01940000-0000-7000-8000-000000000027'::uuid, 'CHUYỂN ĐỔI/QĐ', DATE '2021-01-01', '(chuyển từ dữ liệu trước đây)',
                       'Danh mục chuyển từ đánh dấu "không phụ thuộc địa giới hành chính" theo từng thủ tục, trước khi có sổ quyết định (thay bằng quyết định của tỉnh)',
                       DATE '2021-01-01', NULL, TRUE, now(), 'migration'
                WHERE EXISTS (SELECT 1 FROM counters."Procedures" WHERE "LocationIndependent");
                INSERT INTO counters."LocationIndependentDecisionProcedures" ("DecisionId", "ProcedureCode")
                SELECT '01940000-0000-7000-8000-000000000027'::uuid, "Code" FROM counters."Procedures" WHERE "LocationIndependent";
                """);

            migrationBuilder.DropColumn(
                name: "LocationIndependent",
                schema: "counters",
                table: "Procedures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocationIndependentDecisionProcedures",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "LocationIndependentDecisionUnits",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "LocationIndependentDecisions",
                schema: "counters");

            migrationBuilder.AddColumn<bool>(
                name: "LocationIndependent",
                schema: "counters",
                table: "Procedures",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}

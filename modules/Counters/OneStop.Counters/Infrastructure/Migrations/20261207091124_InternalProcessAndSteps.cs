using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class InternalProcessAndSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProcedureSteps_ProcedureId",
                schema: "counters",
                table: "ProcedureSteps");

            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                schema: "counters",
                table: "ProcedureSteps",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                schema: "counters",
                table: "ProcedureSteps",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                schema: "counters",
                table: "ProcedureSteps",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgencyTrail",
                schema: "counters",
                table: "Dossiers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CurrentAgencyCode",
                schema: "counters",
                table: "Dossiers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftResult",
                schema: "counters",
                table: "Dossiers",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProcessPlan",
                schema: "counters",
                table: "Dossiers",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                schema: "counters",
                table: "Dossiers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // Existing rows: a process saved before dates took effect with the procedure's first version (no sentinel date);
            // its steps were processing steps; a dossier's stage is its status; nobody outside the unit had a step.
            migrationBuilder.Sql(@"UPDATE counters.""ProcedureSteps"" s SET ""Kind"" = 'PROCESS',
                ""EffectiveFrom"" = COALESCE((SELECT MIN(v.""EffectiveFrom"") FROM counters.""ProcedureVersions"" v WHERE v.""ProcedureId"" = s.""ProcedureId""),
                                             (SELECT p.""EffectiveFrom"" FROM counters.""Procedures"" p WHERE p.""Id"" = s.""ProcedureId""), CURRENT_DATE);");
            migrationBuilder.Sql(@"UPDATE counters.""Dossiers"" SET ""Stage"" = ""Status"", ""AgencyTrail"" = '|';");

            migrationBuilder.CreateTable(
                name: "DossierSteps",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    PlanIndex = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Performer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    BudgetHours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Electronic = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierSteps_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalSchema: "counters",
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureSteps_ProcedureId_EffectiveFrom_Order",
                schema: "counters",
                table: "ProcedureSteps",
                columns: new[] { "ProcedureId", "EffectiveFrom", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CurrentAgencyCode",
                schema: "counters",
                table: "Dossiers",
                column: "CurrentAgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Stage_CurrentUnitId",
                schema: "counters",
                table: "Dossiers",
                columns: new[] { "Stage", "CurrentUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierSteps_DossierId_Order",
                schema: "counters",
                table: "DossierSteps",
                columns: new[] { "DossierId", "Order" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierSteps",
                schema: "counters");

            migrationBuilder.DropIndex(
                name: "IX_ProcedureSteps_ProcedureId_EffectiveFrom_Order",
                schema: "counters",
                table: "ProcedureSteps");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_CurrentAgencyCode",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Stage_CurrentUnitId",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "AgencyCode",
                schema: "counters",
                table: "ProcedureSteps");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                schema: "counters",
                table: "ProcedureSteps");

            migrationBuilder.DropColumn(
                name: "Kind",
                schema: "counters",
                table: "ProcedureSteps");

            migrationBuilder.DropColumn(
                name: "AgencyTrail",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "CurrentAgencyCode",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "DraftResult",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ProcessPlan",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Stage",
                schema: "counters",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureSteps_ProcedureId",
                schema: "counters",
                table: "ProcedureSteps",
                column: "ProcedureId");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class CalendarAndCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DaysOff",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DaysOff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfficeHours",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MorningStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    MorningEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    AfternoonStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    AfternoonEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
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
                    table.PrimaryKey("PK_OfficeHours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Procedures",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(2100)", maxLength: 2100, nullable: false),
                    Field = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AtCommune = table.Column<bool>(type: "boolean", nullable: false),
                    AtDistrict = table.Column<bool>(type: "boolean", nullable: false),
                    AtProvince = table.Column<bool>(type: "boolean", nullable: false),
                    ExecutingAgency = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FullyOnline = table.Column<bool>(type: "boolean", nullable: false),
                    PostalAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    LocationIndependent = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureComponents",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DocumentTypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    HandMade = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureComponents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureComponents_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalSchema: "counters",
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureFees",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AmountVnd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureFees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureFees_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalSchema: "counters",
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureLegalTimes",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureLegalTimes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureLegalTimes_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalSchema: "counters",
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureSteps",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    BudgetHours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureSteps_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalSchema: "counters",
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DaysOff_Date",
                schema: "counters",
                table: "DaysOff",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficeHours_UnitId",
                schema: "counters",
                table: "OfficeHours",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficeHours_UnitPath",
                schema: "counters",
                table: "OfficeHours",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureComponents_ProcedureId",
                schema: "counters",
                table: "ProcedureComponents",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureFees_ProcedureId",
                schema: "counters",
                table: "ProcedureFees",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureLegalTimes_ProcedureId_Version_Channel",
                schema: "counters",
                table: "ProcedureLegalTimes",
                columns: new[] { "ProcedureId", "Version", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_Code",
                schema: "counters",
                table: "Procedures",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureSteps_ProcedureId",
                schema: "counters",
                table: "ProcedureSteps",
                column: "ProcedureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DaysOff",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "OfficeHours",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "ProcedureComponents",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "ProcedureFees",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "ProcedureLegalTimes",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "ProcedureSteps",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "Procedures",
                schema: "counters");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Evaluation.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class SatisfactionComplaintsKpis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Breaches",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TaskAssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
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
                    table.PrimaryKey("PK_Breaches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Contact = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ApplicantSatisfied = table.Column<bool>(type: "boolean", nullable: true),
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
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Definitions",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Group = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    NameVi = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    NumeratorVi = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    DenominatorVi = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    NumeratorEn = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    DenominatorEn = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Measure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LowerIsBetter = table.Column<bool>(type: "boolean", nullable: false),
                    Levels = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Periods = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Module = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    FullAt = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: true),
                    TargetText = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResolvingUnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    IdentityTail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
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
                    table.PrimaryKey("PK_Dossiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KpiRuns",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Periods = table.Column<int>(type: "integer", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KpiSnapshots",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    UnitLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Numerator = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Denominator = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Met = table.Column<bool>(type: "boolean", nullable: true),
                    Points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KpiWatermarks",
                schema: "evaluation",
                columns: table => new
                {
                    Calculator = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiWatermarks", x => x.Calculator);
                });

            migrationBuilder.CreateTable(
                name: "Ratings",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Scores = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Overall = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
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
                    table.PrimaryKey("PK_Ratings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                schema: "evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_KpiCode_PeriodKey_UnitId",
                schema: "evaluation",
                table: "Breaches",
                columns: new[] { "KpiCode", "PeriodKey", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_UnitPath",
                schema: "evaluation",
                table: "Breaches",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Code",
                schema: "evaluation",
                table: "Complaints",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt",
                schema: "evaluation",
                table: "Complaints",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ResolvedAt",
                schema: "evaluation",
                table: "Complaints",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_UnitPath",
                schema: "evaluation",
                table: "Complaints",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Definitions_Code",
                schema: "evaluation",
                table: "Definitions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Code",
                schema: "evaluation",
                table: "Dossiers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_TicketId",
                schema: "evaluation",
                table: "Dossiers",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitPath",
                schema: "evaluation",
                table: "Dossiers",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_KpiRuns_StartedAt",
                schema: "evaluation",
                table: "KpiRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_KpiSnapshots_KpiCode_PeriodKey_UnitId",
                schema: "evaluation",
                table: "KpiSnapshots",
                columns: new[] { "KpiCode", "PeriodKey", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiSnapshots_PeriodKey_UnitPath",
                schema: "evaluation",
                table: "KpiSnapshots",
                columns: new[] { "PeriodKey", "UnitPath" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiSnapshots_UnitId_PeriodKind_PeriodStart",
                schema: "evaluation",
                table: "KpiSnapshots",
                columns: new[] { "UnitId", "PeriodKind", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiSnapshots_UnitPath",
                schema: "evaluation",
                table: "KpiSnapshots",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_DossierId_Channel",
                schema: "evaluation",
                table: "Ratings",
                columns: new[] { "DossierId", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_RatedAt",
                schema: "evaluation",
                table: "Ratings",
                column: "RatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Seq",
                schema: "evaluation",
                table: "Ratings",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_UnitPath",
                schema: "evaluation",
                table: "Ratings",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Code_Year_Level",
                schema: "evaluation",
                table: "Targets",
                columns: new[] { "Code", "Year", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Breaches",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "Complaints",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "Definitions",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "Dossiers",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "KpiRuns",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "KpiSnapshots",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "KpiWatermarks",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "Ratings",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "Targets",
                schema: "evaluation");
        }
    }
}

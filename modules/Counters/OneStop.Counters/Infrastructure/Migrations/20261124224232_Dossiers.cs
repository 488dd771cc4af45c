using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class Dossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApologyLetters",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    OriginalDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposedDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApologyLetters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DossierCodeCounters",
                schema: "counters",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierCodeCounters", x => new { x.AgencyCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProcedureField = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LegalTimeVersion = table.Column<int>(type: "integer", nullable: false),
                    LegalTimeValue = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    LegalTimeUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApplicantKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantIdentity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApplicantDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ApplicantAddress = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApplicantVerified = table.Column<bool>(type: "boolean", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ReceivingAgencyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivingUnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ResolvingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedUnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ResolvingUnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CurrentUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentUnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueExplanation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ClockStoppedSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedReturnMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReturnMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ResultSummary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosingReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FinancialObligationVnd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
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
                name: "DossierClockStops",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Cause = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierClockStops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierClockStops_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalSchema: "counters",
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierComponents",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DocumentTypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReusedDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Copies = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierComponents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierComponents_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalSchema: "counters",
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierExtensions",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierExtensions_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalSchema: "counters",
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierHandovers",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ToName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ToUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Electronic = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierHandovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierHandovers_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalSchema: "counters",
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierHistory",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Transition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierHistory_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalSchema: "counters",
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApologyLetters_DossierId",
                schema: "counters",
                table: "ApologyLetters",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_ApologyLetters_UnitPath",
                schema: "counters",
                table: "ApologyLetters",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_DossierClockStops_DossierId",
                schema: "counters",
                table: "DossierClockStops",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierComponents_DossierId",
                schema: "counters",
                table: "DossierComponents",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierExtensions_DossierId",
                schema: "counters",
                table: "DossierExtensions",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierHandovers_DossierId",
                schema: "counters",
                table: "DossierHandovers",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierHistory_DossierId",
                schema: "counters",
                table: "DossierHistory",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ApplicantIdentity",
                schema: "counters",
                table: "Dossiers",
                column: "ApplicantIdentity");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AssignedTo",
                schema: "counters",
                table: "Dossiers",
                column: "AssignedTo");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Code",
                schema: "counters",
                table: "Dossiers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_SharedUnitPath",
                schema: "counters",
                table: "Dossiers",
                column: "SharedUnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_DueAt",
                schema: "counters",
                table: "Dossiers",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitPath",
                schema: "counters",
                table: "Dossiers",
                column: "UnitPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApologyLetters",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "DossierClockStops",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "DossierCodeCounters",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "DossierComponents",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "DossierExtensions",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "DossierHandovers",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "DossierHistory",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "Dossiers",
                schema: "counters");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class Queue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QueueAppointments",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Field = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SlotStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SlotDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CitizenName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
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
                    table.PrimaryKey("PK_QueueAppointments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueDesks",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PriorityHeadStartMinutes = table.Column<int>(type: "integer", nullable: false),
                    SlotMinutes = table.Column<int>(type: "integer", nullable: false),
                    SlotCapacity = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("PK_QueueDesks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueEvents",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CounterId = table.Column<Guid>(type: "uuid", nullable: true),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueTicketDossiers",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
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
                    table.PrimaryKey("PK_QueueTicketDossiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueTickets",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeskId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PriorityGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QueueKey = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastCalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ServiceStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CounterId = table.Column<Guid>(type: "uuid", nullable: true),
                    TransferredToCounterId = table.Column<Guid>(type: "uuid", nullable: true),
                    CallCount = table.Column<int>(type: "integer", nullable: false),
                    WaitSeconds = table.Column<int>(type: "integer", nullable: true),
                    ServiceSeconds = table.Column<int>(type: "integer", nullable: true),
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
                    table.PrimaryKey("PK_QueueTickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueCounters",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FieldsText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                    OfficerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CurrentTicketId = table.Column<Guid>(type: "uuid", nullable: true),
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
                    table.PrimaryKey("PK_QueueCounters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueueCounters_QueueDesks_DeskId",
                        column: x => x.DeskId,
                        principalSchema: "counters",
                        principalTable: "QueueDesks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QueueAppointments_DeskId_Code",
                schema: "counters",
                table: "QueueAppointments",
                columns: new[] { "DeskId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueAppointments_DeskId_SlotStart_Status",
                schema: "counters",
                table: "QueueAppointments",
                columns: new[] { "DeskId", "SlotStart", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueAppointments_UnitPath",
                schema: "counters",
                table: "QueueAppointments",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_QueueCounters_DeskId_Number",
                schema: "counters",
                table: "QueueCounters",
                columns: new[] { "DeskId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueCounters_UnitPath",
                schema: "counters",
                table: "QueueCounters",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_QueueDesks_Code",
                schema: "counters",
                table: "QueueDesks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueDesks_UnitPath",
                schema: "counters",
                table: "QueueDesks",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_QueueEvents_DeskId_Id",
                schema: "counters",
                table: "QueueEvents",
                columns: new[] { "DeskId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueEvents_TicketId",
                schema: "counters",
                table: "QueueEvents",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_QueueEvents_UnitPath",
                schema: "counters",
                table: "QueueEvents",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_QueueTicketDossiers_DossierCode",
                schema: "counters",
                table: "QueueTicketDossiers",
                column: "DossierCode");

            migrationBuilder.CreateIndex(
                name: "IX_QueueTicketDossiers_TicketId_DossierCode",
                schema: "counters",
                table: "QueueTicketDossiers",
                columns: new[] { "TicketId", "DossierCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueTicketDossiers_UnitPath",
                schema: "counters",
                table: "QueueTicketDossiers",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_DeskId_ServiceDate_Number",
                schema: "counters",
                table: "QueueTickets",
                columns: new[] { "DeskId", "ServiceDate", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_DeskId_ServiceDate_Status_QueueKey",
                schema: "counters",
                table: "QueueTickets",
                columns: new[] { "DeskId", "ServiceDate", "Status", "QueueKey" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_ServiceDate_UnitId",
                schema: "counters",
                table: "QueueTickets",
                columns: new[] { "ServiceDate", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_UnitPath",
                schema: "counters",
                table: "QueueTickets",
                column: "UnitPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QueueAppointments",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "QueueCounters",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "QueueEvents",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "QueueTicketDossiers",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "QueueTickets",
                schema: "counters");

            migrationBuilder.DropTable(
                name: "QueueDesks",
                schema: "counters");
        }
    }
}

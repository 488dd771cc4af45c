using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class OnlineSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OnlineSubmissions",
                schema: "counters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PortalReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SuggestedUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DossierUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierUnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RoutedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RoutedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineSubmissions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OnlineSubmissions_PortalReference",
                schema: "counters",
                table: "OnlineSubmissions",
                column: "PortalReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OnlineSubmissions_Status_Id",
                schema: "counters",
                table: "OnlineSubmissions",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlineSubmissions_UnitPath",
                schema: "counters",
                table: "OnlineSubmissions",
                column: "UnitPath");

            // Online dossiers filed before this table existed carry their portal reference only in the note the
            // handler wrote: recorded here, a re-pull of the portal's feed recognises them and files nothing twice.
            migrationBuilder.Sql("""
                INSERT INTO counters."OnlineSubmissions" ("Id", "PortalReference", "UnitCode", "ProcedureCode", "ApplicantName", "SubmittedAt", "Status", "Payload",
                    "DossierId", "DossierCode", "DossierUnitId", "DossierUnitName", "Version", "UnitId", "UnitPath", "CreatedAt", "CreatedBy")
                SELECT gen_random_uuid(), r.ref, '', d."ProcedureCode", d."ApplicantName", d."SubmittedAt", 'FILED', '',
                    d."Id", d."Code", d."ReceivingUnitId", d."ReceivingUnitName", gen_random_uuid(), d."UnitId", d."UnitPath", now(), 'migration'
                FROM counters."Dossiers" d
                CROSS JOIN LATERAL (SELECT rtrim(split_part(substring(d."Note" from char_length('Hồ sơ trực tuyến, mã trên Cổng DVC quốc gia: ') + 1), ' ', 1), '.') AS ref) r
                WHERE d."Channel" = 'ONLINE' AND d."Note" LIKE 'Hồ sơ trực tuyến, mã trên Cổng DVC quốc gia: %' AND char_length(r.ref) BETWEEN 1 AND 64
                ON CONFLICT ("PortalReference") DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OnlineSubmissions",
                schema: "counters");
        }
    }
}

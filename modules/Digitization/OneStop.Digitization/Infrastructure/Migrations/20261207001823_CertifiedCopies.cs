using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Digitization.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class CertifiedCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificationCounters",
                schema: "digitization",
                columns: table => new
                {
                    UnitKey = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationCounters", x => new { x.UnitKey, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "CertifiedCopies",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    RegisterNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CertifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CertifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequesterName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequesterIdentity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DocumentName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    Copies = table.Column<int>(type: "integer", nullable: false),
                    FeeVnd = table.Column<long>(type: "bigint", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerLogin = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OfficerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OfficerPosition = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
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
                    table.PrimaryKey("PK_CertifiedCopies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertifiedCopies_CertifiedAt",
                schema: "digitization",
                table: "CertifiedCopies",
                column: "CertifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CertifiedCopies_DocumentId",
                schema: "digitization",
                table: "CertifiedCopies",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_CertifiedCopies_DossierId",
                schema: "digitization",
                table: "CertifiedCopies",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_CertifiedCopies_UnitId_Year_Number",
                schema: "digitization",
                table: "CertifiedCopies",
                columns: new[] { "UnitId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertifiedCopies_UnitPath",
                schema: "digitization",
                table: "CertifiedCopies",
                column: "UnitPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificationCounters",
                schema: "digitization");

            migrationBuilder.DropTable(
                name: "CertifiedCopies",
                schema: "digitization");
        }
    }
}

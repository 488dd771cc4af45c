using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Portal.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class SubmissionDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SubmissionDrafts",
                schema: "portal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerIdentity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantAddress = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    FormDataJson = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    ComponentsJson = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    ReuseConsent = table.Column<bool>(type: "boolean", nullable: false),
                    FeeVnd = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    PaymentReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionDrafts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionDrafts_OwnerIdentity_OwnerKind_ProcedureCode_Stat~",
                schema: "portal",
                table: "SubmissionDrafts",
                columns: new[] { "OwnerIdentity", "OwnerKind", "ProcedureCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubmissionDrafts",
                schema: "portal");
        }
    }
}

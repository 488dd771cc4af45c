using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Digitization.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class DocumentsQueueArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLog",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantIdentity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DocumentCount = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Archives",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicantIdentity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetentionYears = table.Column<int>(type: "integer", nullable: true),
                    RetainUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentCount = table.Column<int>(type: "integer", nullable: false),
                    ManifestSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
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
                    table.PrimaryKey("PK_Archives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantIdentity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
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
                    table.PrimaryKey("PK_Consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Desks",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    EnabledSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
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
                    table.PrimaryKey("PK_Desks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProcedureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ApplicantKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantIdentity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    DocumentTypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DigitizedCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    BlobKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Place = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DeskId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeskName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SharedForReuse = table.Column<bool>(type: "boolean", nullable: false),
                    SignedBlobKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SignedSize = table.Column<long>(type: "bigint", nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SignerSubject = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    SignerIssuer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CertificateSerial = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CertificateNotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerificationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArchiveId = table.Column<Guid>(type: "uuid", nullable: true),
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
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ApplicantKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantIdentity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ComponentCount = table.Column<int>(type: "integer", nullable: false),
                    ReusedCount = table.Column<int>(type: "integer", nullable: false),
                    ReusableCount = table.Column<int>(type: "integer", nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
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
                name: "ScanQueue",
                schema: "digitization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    DocumentTypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
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
                    table.PrimaryKey("PK_ScanQueue", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_ApplicantIdentity",
                schema: "digitization",
                table: "AccessLog",
                column: "ApplicantIdentity");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_UnitPath",
                schema: "digitization",
                table: "AccessLog",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Archives_DossierId",
                schema: "digitization",
                table: "Archives",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Archives_UnitPath",
                schema: "digitization",
                table: "Archives",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ApplicantIdentity",
                schema: "digitization",
                table: "Consents",
                column: "ApplicantIdentity");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_UnitPath",
                schema: "digitization",
                table: "Consents",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Desks_AgencyId",
                schema: "digitization",
                table: "Desks",
                column: "AgencyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Desks_UnitPath",
                schema: "digitization",
                table: "Desks",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ApplicantIdentity_DocumentTypeCode",
                schema: "digitization",
                table: "Documents",
                columns: new[] { "ApplicantIdentity", "DocumentTypeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_DigitizedCode",
                schema: "digitization",
                table: "Documents",
                column: "DigitizedCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_DossierId",
                schema: "digitization",
                table: "Documents",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_UnitPath",
                schema: "digitization",
                table: "Documents",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_VerificationCode",
                schema: "digitization",
                table: "Documents",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Code",
                schema: "digitization",
                table: "Dossiers",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ResolvedAt",
                schema: "digitization",
                table: "Dossiers",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_UnitPath",
                schema: "digitization",
                table: "Dossiers",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_ScanQueue_DossierId_Kind_DocumentTypeCode_Name",
                schema: "digitization",
                table: "ScanQueue",
                columns: new[] { "DossierId", "Kind", "DocumentTypeCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanQueue_Status",
                schema: "digitization",
                table: "ScanQueue",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ScanQueue_UnitPath",
                schema: "digitization",
                table: "ScanQueue",
                column: "UnitPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLog",
                schema: "digitization");

            migrationBuilder.DropTable(
                name: "Archives",
                schema: "digitization");

            migrationBuilder.DropTable(
                name: "Consents",
                schema: "digitization");

            migrationBuilder.DropTable(
                name: "Desks",
                schema: "digitization");

            migrationBuilder.DropTable(
                name: "Documents",
                schema: "digitization");

            migrationBuilder.DropTable(
                name: "Dossiers",
                schema: "digitization");

            migrationBuilder.DropTable(
                name: "ScanQueue",
                schema: "digitization");
        }
    }
}

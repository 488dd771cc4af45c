using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class UnitDesignations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UnitDesignations",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    LegalBasis = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
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
                    table.PrimaryKey("PK_UnitDesignations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitDesignations_UnitId_Kind_ValidFrom",
                schema: "platform",
                table: "UnitDesignations",
                columns: new[] { "UnitId", "Kind", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitDesignations_UnitPath",
                schema: "platform",
                table: "UnitDesignations",
                column: "UnitPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitDesignations",
                schema: "platform");
        }
    }
}

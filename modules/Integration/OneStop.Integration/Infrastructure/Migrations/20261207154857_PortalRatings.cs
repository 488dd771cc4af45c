using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Integration.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class PortalRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncomingRatings",
                schema: "integration",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PortalRatingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PulledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomingRatings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingRatings_PortalRatingId",
                schema: "integration",
                table: "IncomingRatings",
                column: "PortalRatingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomingRatings_Sequence",
                schema: "integration",
                table: "IncomingRatings",
                column: "Sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncomingRatings",
                schema: "integration");
        }
    }
}

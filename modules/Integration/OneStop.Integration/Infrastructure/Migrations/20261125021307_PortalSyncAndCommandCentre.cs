using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Integration.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class PortalSyncAndCommandCentre : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliverBy",
                schema: "integration",
                table: "OutgoingMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UnitId",
                schema: "integration",
                table: "OutgoingMessages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitPath",
                schema: "integration",
                table: "OutgoingMessages",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_Destination_Kind_CreatedAt",
                schema: "integration",
                table: "OutgoingMessages",
                columns: new[] { "Destination", "Kind", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutgoingMessages_Destination_Kind_CreatedAt",
                schema: "integration",
                table: "OutgoingMessages");

            migrationBuilder.DropColumn(
                name: "DeliverBy",
                schema: "integration",
                table: "OutgoingMessages");

            migrationBuilder.DropColumn(
                name: "UnitId",
                schema: "integration",
                table: "OutgoingMessages");

            migrationBuilder.DropColumn(
                name: "UnitPath",
                schema: "integration",
                table: "OutgoingMessages");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Integration.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class OrderedDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutgoingMessages_State_NextAttemptAt",
                schema: "integration",
                table: "OutgoingMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProcessedAt_OccurredAt",
                schema: "integration",
                table: "OutboxMessages");

            migrationBuilder.RenameColumn(
                name: "ProcessedAt",
                schema: "integration",
                table: "OutboxMessages",
                newName: "DeliveredAt");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                schema: "integration",
                table: "OutgoingMessages",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                schema: "integration",
                table: "OutgoingMessages",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                schema: "integration",
                table: "OutboxMessages",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                schema: "integration",
                table: "OutboxMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrderingKey",
                schema: "integration",
                table: "OutboxMessages",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                schema: "integration",
                table: "OutboxMessages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "pending");

            // Messages already relayed stay delivered; those that used up the old 20 attempts become dead letters.
            migrationBuilder.Sql(@"UPDATE integration.""OutboxMessages"" SET ""State"" = CASE WHEN ""DeliveredAt"" IS NOT NULL THEN 'delivered' WHEN ""Attempts"" >= 20 THEN 'dead' ELSE 'pending' END;");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_State_Id",
                schema: "integration",
                table: "OutgoingMessages",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OrderingKey_State",
                schema: "integration",
                table: "OutboxMessages",
                columns: new[] { "OrderingKey", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_Id",
                schema: "integration",
                table: "OutboxMessages",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutgoingMessages_State_Id",
                schema: "integration",
                table: "OutgoingMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_OrderingKey_State",
                schema: "integration",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_State_Id",
                schema: "integration",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                schema: "integration",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "OrderingKey",
                schema: "integration",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "State",
                schema: "integration",
                table: "OutboxMessages");

            migrationBuilder.RenameColumn(
                name: "DeliveredAt",
                schema: "integration",
                table: "OutboxMessages",
                newName: "ProcessedAt");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                schema: "integration",
                table: "OutgoingMessages",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                schema: "integration",
                table: "OutgoingMessages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                schema: "integration",
                table: "OutboxMessages",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_State_NextAttemptAt",
                schema: "integration",
                table: "OutgoingMessages",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_OccurredAt",
                schema: "integration",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "OccurredAt" });
        }
    }
}

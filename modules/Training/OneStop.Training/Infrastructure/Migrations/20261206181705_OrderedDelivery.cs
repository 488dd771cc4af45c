using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class OrderedDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProcessedAt_OccurredAt",
                schema: "training",
                table: "OutboxMessages");

            migrationBuilder.RenameColumn(
                name: "ProcessedAt",
                schema: "training",
                table: "OutboxMessages",
                newName: "DeliveredAt");

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                schema: "training",
                table: "OutboxMessages",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                schema: "training",
                table: "OutboxMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrderingKey",
                schema: "training",
                table: "OutboxMessages",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                schema: "training",
                table: "OutboxMessages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "pending");

            // Messages already relayed stay delivered; those that used up the old 20 attempts become dead letters.
            migrationBuilder.Sql(@"UPDATE training.""OutboxMessages"" SET ""State"" = CASE WHEN ""DeliveredAt"" IS NOT NULL THEN 'delivered' WHEN ""Attempts"" >= 20 THEN 'dead' ELSE 'pending' END;");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OrderingKey_State",
                schema: "training",
                table: "OutboxMessages",
                columns: new[] { "OrderingKey", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_Id",
                schema: "training",
                table: "OutboxMessages",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_OrderingKey_State",
                schema: "training",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_State_Id",
                schema: "training",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                schema: "training",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "OrderingKey",
                schema: "training",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "State",
                schema: "training",
                table: "OutboxMessages");

            migrationBuilder.RenameColumn(
                name: "DeliveredAt",
                schema: "training",
                table: "OutboxMessages",
                newName: "ProcessedAt");

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                schema: "training",
                table: "OutboxMessages",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_OccurredAt",
                schema: "training",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "OccurredAt" });
        }
    }
}

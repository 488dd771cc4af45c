using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class PeopleRolesSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UnitMemberships_UserId_UnitId",
                schema: "platform",
                table: "UnitMemberships");

            migrationBuilder.AddColumn<List<string>>(
                name: "Roles",
                schema: "platform",
                table: "UnitMemberships",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                schema: "platform",
                table: "UnitMemberships",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(2021, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidTo",
                schema: "platform",
                table: "UnitMemberships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                schema: "platform",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                schema: "platform",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                schema: "platform",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PasswordResetAt",
                schema: "platform",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                schema: "platform",
                table: "AspNetUsers",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UnlockedAt",
                schema: "platform",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayNameEn",
                schema: "platform",
                table: "AspNetRoles",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DisplayNameVi",
                schema: "platform",
                table: "AspNetRoles",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsBuiltIn",
                schema: "platform",
                table: "AspNetRoles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Rank",
                schema: "platform",
                table: "AspNetRoles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SignInThrottles",
                schema: "platform",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastFailureAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInThrottles", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ticket = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitMemberships_UserId_UnitId_ValidFrom",
                schema: "platform",
                table: "UnitMemberships",
                columns: new[] { "UserId", "UnitId", "ValidFrom" },
                unique: true);

            // Roles move from Identity's global user-role table onto each membership (ADR 0014); search text is filled
            // at the next start by the seeder (folding needs .NET's Unicode tables).
            migrationBuilder.Sql("""
                UPDATE platform."UnitMemberships" m SET "Roles" = ARRAY(
                    SELECT r."Name" FROM platform."AspNetUserRoles" ur JOIN platform."AspNetRoles" r ON r."Id" = ur."RoleId"
                    WHERE ur."UserId" = m."UserId" ORDER BY r."Name");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                schema: "platform",
                table: "UserSessions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInThrottles",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "UserSessions",
                schema: "platform");

            migrationBuilder.DropIndex(
                name: "IX_UnitMemberships_UserId_UnitId_ValidFrom",
                schema: "platform",
                table: "UnitMemberships");

            migrationBuilder.DropColumn(
                name: "Roles",
                schema: "platform",
                table: "UnitMemberships");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                schema: "platform",
                table: "UnitMemberships");

            migrationBuilder.DropColumn(
                name: "ValidTo",
                schema: "platform",
                table: "UnitMemberships");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                schema: "platform",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "IsActive",
                schema: "platform",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                schema: "platform",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PasswordResetAt",
                schema: "platform",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SearchText",
                schema: "platform",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "UnlockedAt",
                schema: "platform",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DisplayNameEn",
                schema: "platform",
                table: "AspNetRoles");

            migrationBuilder.DropColumn(
                name: "DisplayNameVi",
                schema: "platform",
                table: "AspNetRoles");

            migrationBuilder.DropColumn(
                name: "IsBuiltIn",
                schema: "platform",
                table: "AspNetRoles");

            migrationBuilder.DropColumn(
                name: "Rank",
                schema: "platform",
                table: "AspNetRoles");

            migrationBuilder.CreateIndex(
                name: "IX_UnitMemberships_UserId_UnitId",
                schema: "platform",
                table: "UnitMemberships",
                columns: new[] { "UserId", "UnitId" },
                unique: true);
        }
    }
}

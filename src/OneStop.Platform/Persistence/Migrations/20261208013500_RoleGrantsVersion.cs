using Microsoft.EntityFrameworkCore.Migrations;
using OneStop.Platform.Persistence;

#nullable disable

namespace OneStop.Platform.Persistence.Migrations
{
    /// <summary>The permission matrix's change version (ADR 0060): any write to the roles' grants gives it a new value.</summary>
    internal partial class RoleGrantsVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(ChangeVersions.CreateSql(PlatformDbContext.SchemaName, "role-grants", "RolePermissions"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(ChangeVersions.DropSql(PlatformDbContext.SchemaName, "role-grants", "RolePermissions"));
    }
}

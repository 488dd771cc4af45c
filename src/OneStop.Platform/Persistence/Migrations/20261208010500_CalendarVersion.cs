using Microsoft.EntityFrameworkCore.Migrations;
using OneStop.Platform.Persistence;

#nullable disable

namespace OneStop.Platform.Persistence.Migrations
{
    /// <summary>The calendar's change version (ADR 0060): any write to the days off or the office hours gives it a new value.</summary>
    internal partial class CalendarVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(ChangeVersions.CreateSql(PlatformDbContext.SchemaName, "calendar", "DaysOff", "OfficeHours"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(ChangeVersions.DropSql(PlatformDbContext.SchemaName, "calendar", "DaysOff", "OfficeHours"));
    }
}

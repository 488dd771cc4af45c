using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Digitization.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class KpiChangeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // What an incremental KPI run asks: the rows written since its last run, by their last write's time
            // (DigitizationKpiChanges). EF's model cannot hold an index on an expression, so it is created here.
            foreach (var table in new[] { "Dossiers", "Documents", "ScanQueue" })
            {
                migrationBuilder.Sql($"""CREATE INDEX "IX_{table}_LastWrittenAt" ON digitization."{table}" ((COALESCE("ModifiedAt", "CreatedAt")));""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Dossiers", "Documents", "ScanQueue" })
            {
                migrationBuilder.Sql($"""DROP INDEX digitization."IX_{table}_LastWrittenAt";""");
            }
        }
    }
}

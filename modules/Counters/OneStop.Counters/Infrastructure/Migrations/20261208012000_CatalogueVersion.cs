using Microsoft.EntityFrameworkCore.Migrations;
using OneStop.Platform.Persistence;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <summary>
    /// The catalogue's change version (ADR 0060): any write to a procedure or its components, fees, legal times, steps
    /// and versions gives it a new value, and intake reads the procedure again.
    /// </summary>
    internal partial class CatalogueVersion : Migration
    {
        private static readonly string[] Tables =
            ["Procedures", "ProcedureComponents", "ProcedureFees", "ProcedureLegalTimes", "ProcedureSteps", "ProcedureVersions", "ProcedureVersionComponents", "ProcedureVersionFees"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(ChangeVersions.CreateSql("counters", "catalogue", Tables));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(ChangeVersions.DropSql("counters", "catalogue", Tables));
    }
}

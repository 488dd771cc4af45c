using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Training.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class TrainingPlanClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlannedClasses",
                schema: "training",
                table: "PlanItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlannedClasses",
                schema: "training",
                table: "PlanItems");
        }
    }
}

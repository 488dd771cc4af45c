using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.PlanTasks.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class PlanAssignmentsReportsInspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionTeams",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecisionNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Members = table.Column<List<string>>(type: "text[]", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTeams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IssuedOn = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionVisits",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    VisitOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionVisits_InspectionTeams_TeamId",
                        column: x => x.TeamId,
                        principalSchema: "plantasks",
                        principalTable: "InspectionTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Phases",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Phases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Phases_Plans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "plantasks",
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUpAssignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_InspectionVisits_VisitId",
                        column: x => x.VisitId,
                        principalSchema: "plantasks",
                        principalTable: "InspectionVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Groups",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Letter = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Groups_Phases_PhaseId",
                        column: x => x.PhaseId,
                        principalSchema: "plantasks",
                        principalTable: "Phases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Leads = table.Column<List<string>>(type: "text[]", nullable: false),
                    LeadText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Coordinators = table.Column<List<string>>(type: "text[]", nullable: false),
                    CoordinatorText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Products = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    KpiTargets = table.Column<List<string>>(type: "text[]", nullable: false),
                    Origin = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    CompletionKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CompletionMonth = table.Column<int>(type: "integer", nullable: true),
                    CompletionQuarter = table.Column<int>(type: "integer", nullable: true),
                    CompletionText = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CompletionYear = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tasks_Groups_GroupId",
                        column: x => x.GroupId,
                        principalSchema: "plantasks",
                        principalTable: "Groups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Assignments",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanTaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    IsDueSoon = table.Column<bool>(type: "boolean", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Tasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalSchema: "plantasks",
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvestmentProjects",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    PlanTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProposedAmount = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestmentProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvestmentProjects_Tasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalSchema: "plantasks",
                        principalTable: "Tasks",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Review = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalSchema: "plantasks",
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetAllocations",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanTaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    Source = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetAllocations_InvestmentProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "plantasks",
                        principalTable: "InvestmentProjects",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_BudgetAllocations_Tasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalSchema: "plantasks",
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                schema: "plantasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "plantasks",
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_PlanTaskId_UnitId_AgencyCode",
                schema: "plantasks",
                table: "Assignments",
                columns: new[] { "PlanTaskId", "UnitId", "AgencyCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_UnitPath",
                schema: "plantasks",
                table: "Assignments",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAllocations_PlanTaskId",
                schema: "plantasks",
                table: "BudgetAllocations",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAllocations_ProjectId",
                schema: "plantasks",
                table: "BudgetAllocations",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAllocations_UnitPath",
                schema: "plantasks",
                table: "BudgetAllocations",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ReportId",
                schema: "plantasks",
                table: "Evidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_UnitPath",
                schema: "plantasks",
                table: "Evidence",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Groups_Code",
                schema: "plantasks",
                table: "Groups",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Groups_PhaseId",
                schema: "plantasks",
                table: "Groups",
                column: "PhaseId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_UnitPath",
                schema: "plantasks",
                table: "InspectionFindings",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_VisitId",
                schema: "plantasks",
                table: "InspectionFindings",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTeams_UnitPath",
                schema: "plantasks",
                table: "InspectionTeams",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionVisits_TeamId",
                schema: "plantasks",
                table: "InspectionVisits",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionVisits_UnitPath",
                schema: "plantasks",
                table: "InspectionVisits",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentProjects_PlanTaskId",
                schema: "plantasks",
                table: "InvestmentProjects",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentProjects_UnitPath",
                schema: "plantasks",
                table: "InvestmentProjects",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Phases_PlanId_Code",
                schema: "plantasks",
                table: "Phases",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Code",
                schema: "plantasks",
                table: "Plans",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AssignmentId",
                schema: "plantasks",
                table: "Reports",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitPath",
                schema: "plantasks",
                table: "Reports",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Code",
                schema: "plantasks",
                table: "Tasks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_GroupId",
                schema: "plantasks",
                table: "Tasks",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetAllocations",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "Evidence",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "InspectionFindings",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "InvestmentProjects",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "Reports",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "InspectionVisits",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "Assignments",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "InspectionTeams",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "Tasks",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "Groups",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "Phases",
                schema: "plantasks");

            migrationBuilder.DropTable(
                name: "Plans",
                schema: "plantasks");
        }
    }
}

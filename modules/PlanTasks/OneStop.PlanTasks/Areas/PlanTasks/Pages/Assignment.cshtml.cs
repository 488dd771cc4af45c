using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.Assignments;
using OneStop.PlanTasks.Features.Reports;

namespace OneStop.PlanTasks.Pages;

/// <summary>One assigned task: its reports with evidence; the assignee reports progress, the provincial office reviews.</summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class AssignmentModel(
    AssignmentQueries assignments, ReportQueries reports, SubmitReportHandler submit, ReviewReportHandler review,
    IPermissionChecker permissions, ICurrentScope scope, Infrastructure.EvidenceStore evidence, IPeopleDirectory people) : PageModel
{
    public long MaxEvidenceMegabytes => evidence.Rules.MaxBytes / 1024 / 1024;

    public AssignmentDto? Assignment { get; private set; }
    public IReadOnlyList<ReportDto> Reports { get; private set; } = [];
    /// <summary>Full names of the reporters and reviewers (the reports keep logins).</summary>
    public PeopleNames Names { get; private set; } = PeopleNames.None;
    public bool CanReport { get; private set; }
    public bool CanReview { get; private set; }

    [BindProperty] public ReportInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public sealed class ReportInput
    {
        public string Kind { get; set; } = "periodic";
        public string Status { get; set; } = "in-progress";
        [Range(0, 100, ErrorMessage = PlanTasksMessages.ReportPercentOutOfRange)] public int Percent { get; set; }
        public string Narrative { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct)
    {
        var request = new SubmitReportRequest(Input.Kind, Input.Status, Input.Percent, Input.Narrative ?? "");
        if (ModelState.Check(HttpContext.RequestServices, request, "Input"))
        {
            try
            {
                // A file input left empty still posts one nameless, empty part: that is "no file", not an empty file.
                var files = Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
                    .Select(f => new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream)).ToList();
                await submit.HandleAsync(id, request, files, ct);
                TempData["PlanTasks.Message"] = "PlanTasks.ReportSent";
                return RedirectToPage(new { id });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid reportId, CancellationToken ct) => ReviewAsync(id, reportId, true, ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, Guid reportId, CancellationToken ct) => ReviewAsync(id, reportId, false, ct);

    private async Task<IActionResult> ReviewAsync(Guid id, Guid reportId, bool accept, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlanTasksPermissions.Review))
        {
            return Forbid();
        }

        try
        {
            await review.HandleAsync(reportId, accept, Comment, ct);
            TempData["PlanTasks.Message"] = accept ? "PlanTasks.ReportAccepted" : "PlanTasks.ReportReturned";
            return RedirectToPage(new { id });
        }
        catch (PlatformException e)
        {
            ModelState.AddModelError("", e.Message);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Assignment = await assignments.GetAsync(id, ct);
        if (Assignment is null)
        {
            return false;
        }

        Reports = await reports.ForAssignmentAsync(id, ct);
        Names = await people.NamesAsync(Reports.SelectMany(r => new[] { r.SubmittedBy, r.ReviewedBy }), ct);
        CanReport = Assignment.UnitId == scope.Unit.UnitId && await permissions.IsGrantedAsync(User, PlanTasksPermissions.Report);
        CanReview = scope.Unit.Path.Count(c => c == '/') == 2 && await permissions.IsGrantedAsync(User, PlanTasksPermissions.Review);
        return true;
    }
}

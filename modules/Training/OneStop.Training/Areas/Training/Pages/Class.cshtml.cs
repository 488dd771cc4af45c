using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Features.Classes;

namespace OneStop.Training.Pages;

/// <summary>One class: participants, attendance and results, certificates.</summary>
[Permission(TrainingPermissions.Access)]
internal sealed class ClassModel(ClassHandler classes, IPermissionChecker permissions) : PageModel
{
    public ClassDetailDto? Detail { get; private set; }
    public bool CanManage { get; private set; }
    [BindProperty] public string? UserName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, CancellationToken ct) =>
        await ManageAsync(id, () => classes.EnrolAsync(id, new EnrolRequest(UserName ?? ""), ct), "Training.Enrolled", Validation.Failures(HttpContext.RequestServices, new EnrolRequest(UserName ?? "")), ct);

    public async Task<IActionResult> OnPostRecordAsync(Guid id, Guid participantId, string attendance, CancellationToken ct)
    {
        // One choice carries both facts: absent, present and passed, present and failed.
        var request = attendance switch
        {
            "passed" => new RecordResultRequest(true, "passed"),
            "failed" => new RecordResultRequest(true, "failed"),
            _ => new RecordResultRequest(false, null),
        };
        return await ManageAsync(id, () => classes.RecordAsync(participantId, request, ct), "Training.Recorded", Validation.Failures(HttpContext.RequestServices, request), ct);
    }

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<ParticipantDto>> action, string message, IEnumerable<ValidationError> errors, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, TrainingPermissions.Manage))
        {
            return Forbid();
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        if (ModelState.IsValid)
        {
            try
            {
                await action();
                TempData["Training.Message"] = message;
                return RedirectToPage(new { id });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Detail = await classes.GetAsync(id, ct);
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            return false;
        }

        CanManage = await permissions.IsGrantedAsync(User, TrainingPermissions.Manage);
        return true;
    }
}

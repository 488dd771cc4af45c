using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Features.Catalogue.StepBudgets;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Calendar;
using OneStop.Platform.Domain;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>
/// Quy trình nội bộ of a procedure (ADR 0036): its steps, who performs each (the desk, a specialist, another agency, the
/// leader) and their budgets, effective from a date — saved through the same handler as PUT …/procedures/{code}/steps.
/// Agencies are chosen from the list of those that exist, never typed.
/// </summary>
[Permission(CountersPermissions.CatalogueManage)]
internal sealed class ProcessModel(CountersDbContext db, InternalProcessEditor editor, IAdministrativeUnitDirectory units, TimeProvider clock) : PageModel
{
    public sealed class StepRow
    {
        public string? Name { get; set; }
        public string Kind { get; set; } = ProcessStepKinds.Process;
        public string? AgencyCode { get; set; }
        public decimal? BudgetHours { get; set; }
    }

    /// <summary>Rows shown beyond the current steps, so a step can be added without a script.</summary>
    public const int SpareRows = 3;

    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public List<StepRow> Steps { get; set; } = [];
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    public ProcedureDto Procedure { get; private set; } = null!;
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];
    /// <summary>True when no process is approved and the rows show the default one.</summary>
    public bool IsDefault { get; private set; }
    public string? Error { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        EffectiveFrom = VietnamTime.Today(clock);
        Steps = Procedure.Steps.Select(s => new StepRow { Name = s.Name, Kind = s.Kind, AgencyCode = s.AgencyCode, BudgetHours = s.BudgetHours }).ToList();
        if (Steps.Count == 0 && Procedure.LegalTimes.OrderBy(t => new LegalTime(t.Value, t.Unit).WorkingTime).FirstOrDefault() is { } time)
        {
            IsDefault = true;
            Steps = InternalProcess.Plan([], new LegalTime(time.Value, time.Unit), _ => null)
                .Select(s => new StepRow { Name = s.Name, Kind = s.Kind, BudgetHours = s.BudgetHours }).ToList();
        }

        Steps.AddRange(Enumerable.Range(0, SpareRows).Select(_ => new StepRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var filled = Steps.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        try
        {
            var request = new SaveStepBudgetsRequest(
                filled.Select(s => new StepBudgetDto(s.Name!.Trim(), s.BudgetHours ?? 0, s.Kind, string.IsNullOrWhiteSpace(s.AgencyCode) ? null : s.AgencyCode)).ToList(),
                EffectiveFrom);
            var validation = await new SaveStepBudgetsRequestValidator().ValidateAsync(request, ct);
            if (!validation.IsValid)
            {
                Error = string.Join(" ", validation.Errors.Select(e => Messages.Text(e.ErrorCode)).Distinct());
                return Page();
            }

            await editor.SaveAsync(Code, request, ct);
            return RedirectToPage("Detail", new { code = Code, processSaved = true });
        }
        catch (PlatformException e)
        {
            Error = e.Message; // Vietnamese, nothing saved; the rows stay as typed
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        if (await GetProcedureEndpoint.DtoAsync(db, Code, today, ct) is not { } procedure)
        {
            return false;
        }

        Procedure = procedure;
        Agencies = await units.AgenciesAsync(today, ct);
        return true;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Cockpit;
using OneStop.Evaluation.Features.Targets;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Pages;

/// <summary>
/// Chỉ tiêu theo năm: the targets of a year by KPI — for all levels, a level or one unit — with their legal basis and
/// "except especially difficult communes"; the provincial office adds, edits, deletes (after a confirmation) and copies
/// a year's targets to the next, through the same <see cref="KpiTargetHandler"/> as the API. Linked from the cockpit.
/// </summary>
[Permission(EvaluationPermissions.Cockpit)]
internal sealed class TargetsModel(
    KpiTargetHandler handler, KpiQueries queries, IAdministrativeUnitDirectory units, ICurrentScope scope, IPermissionChecker permissions, TimeProvider clock) : PageModel
{
    /// <summary>The add / edit form.</summary>
    public sealed class TargetInput
    {
        public string? Code { get; set; }
        /// <summary>"" for all levels, else province / district / commune.</summary>
        public string? Level { get; set; }
        public Guid? UnitId { get; set; }
        /// <summary>As typed ("95", "95,5" or "95.5"): parsed here, not by the culture-dependent binder.</summary>
        public string? Value { get; set; }
        public string? LegalBasis { get; set; }
        public bool ExcludesEspeciallyDifficult { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>The target being edited (its values fill the form).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty] public TargetInput Input { get; set; } = new();

    public int Shown { get; private set; }
    public IReadOnlyList<KpiTargetView> Items { get; private set; } = [];
    public IReadOnlyList<KpiDefinition> Definitions { get; private set; } = [];
    public IReadOnlyList<AdministrativeUnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public int ThisYear => clock.GetLocalNow().Year;

    public string Name(KpiTargetView t) => English ? t.KpiNameEn : t.KpiNameVi;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is { } id && Items.FirstOrDefault(t => t.Id == id) is { } editing)
        {
            Input = new TargetInput
            {
                Code = editing.Code, Level = editing.Level ?? "", UnitId = editing.UnitId, Value = editing.Value.ToString("0.##", CultureInfo.InvariantCulture),
                LegalBasis = editing.LegalBasis, ExcludesEspeciallyDifficult = editing.ExcludesEspeciallyDifficult,
            };
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, EvaluationPermissions.TargetsManage))
        {
            return Forbid();
        }

        var year = Year ?? ThisYear;
        var parsed = decimal.TryParse((Input.Value ?? "").Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value);
        var request = new SaveKpiTargetRequest(Input.Code ?? "", year, string.IsNullOrEmpty(Input.Level) ? null : Input.Level, Input.UnitId,
            parsed ? value : -1, Input.LegalBasis ?? "", Input.ExcludesEspeciallyDifficult);
        Errors = Validation.Failures(HttpContext.RequestServices, request).ToList();
        if (Errors.Count == 0)
        {
            try
            {
                await handler.SaveAsync(request, ct);
                TempData["Evaluation.TargetSaved"] = true;
                return Redirect($"/Evaluation/Targets?year={year}");
            }
            catch (PlatformException e) when (e.StatusCode is 404 or 422)
            {
                Errors = [new ValidationError("Input", e.Message)];
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, EvaluationPermissions.TargetsManage))
        {
            return Forbid();
        }

        try
        {
            await handler.DeleteAsync(id, ct);
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            return NotFound();
        }

        return Redirect($"/Evaluation/Targets?year={Year ?? ThisYear}");
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, EvaluationPermissions.TargetsManage))
        {
            return Forbid();
        }

        var request = new CopyKpiTargetsRequest(Year ?? ThisYear);
        Errors = Validation.Failures(HttpContext.RequestServices, request).ToList();
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        var copied = await handler.CopyYearAsync(request, ct);
        TempData["Evaluation.TargetsCopied"] = Messages.Text(EvaluationMessages.TargetsCopied, copied.Added, copied.FromYear, copied.ToYear, copied.Kept);
        return Redirect($"/Evaluation/Targets?year={copied.ToYear}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Shown = Year is >= 2021 and <= 2100 ? Year.Value : ThisYear;
        Items = await handler.ListAsync(Shown, ct);
        Definitions = (await queries.DefinitionsAsync(ct)).Values.ToList();
        CanManage = await permissions.IsGrantedAsync(User, EvaluationPermissions.TargetsManage);
        if (CanManage)
        {
            // Units standing today in the caller's scope, province first, then by path (a district's communes under it).
            Units = (await units.AllAsync(ct)).Where(u => u.ValidTo is null && scope.Unit.Contains(u.Path)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        }
    }
}

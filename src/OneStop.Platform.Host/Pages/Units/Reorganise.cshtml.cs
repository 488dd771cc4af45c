using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.Host.Localization;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host.Pages.Units;

/// <summary>
/// Sắp xếp đơn vị hành chính: a change set from a file (the shipped mappings or the CSV form) or one operation on one
/// unit, always previewed first (what is created, merged, split; who moves; which open dossiers go where, changeable
/// for split units), then applied on confirmation — through the same <see cref="Reorganiser"/> as the API.
/// </summary>
[Permission(PlatformPermissions.UnitsManage)]
public sealed class ReorganiseModel(
    UnitChanges changes, Reorganiser reorganiser, IAdministrativeUnitDirectory directory, ICurrentScope scope, TimeProvider clock, PlatformDbContext db) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Shipped { get; set; }
    [BindProperty] public DateOnly? EffectiveOn { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty] public Guid? PrimaryId { get; set; }
    [BindProperty] public List<Guid> OtherIds { get; set; } = [];
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public Guid? ParentId { get; set; }
    [BindProperty] public Guid? AgencyId { get; set; }
    [BindProperty] public Guid? SuccessorAgencyId { get; set; }
    [BindProperty] public string? AgencyAction { get; set; }
    [BindProperty] public string? PlanJson { get; set; }
    [BindProperty] public Dictionary<Guid, string> Choice { get; set; } = [];

    public ReorganisationPreview? Preview { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<AdministrativeUnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<AgencyDto> Agencies { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> PredecessorNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostPreviewFileAsync(CancellationToken ct) => PreviewAsync(async () =>
    {
        if (Upload is null || Upload.Length == 0)
        {
            return (null, [new(0, Messages.Text(UnitsMessages.FileMissing))]);
        }

        await using var stream = Upload.OpenReadStream();
        return await changes.ReadAsync(stream, Upload.FileName, Title, LegalBasis, EffectiveOn, ct);
    }, ct);

    public Task<IActionResult> OnPostPreviewShippedAsync(CancellationToken ct) => PreviewAsync(async () =>
    {
        await changes.EnsureProvinceWideAsync(ct);
        return ShippedReorganisations.Files.Any(f => f.File == Shipped)
            ? (await ShippedReorganisations.PlanAsync(directory, Shipped!, ct), [])
            : (null, [new(0, Messages.Text(HostMessages.UnitsShippedPlanRequired))]);
    }, ct);

    public Task<IActionResult> OnPostPreviewRetireAsync(CancellationToken ct) => PreviewAsync(async () =>
    {
        var request = new RetireUnitRequest(PrimaryId is { } p ? [p, .. OtherIds.Where(o => o != p)] : OtherIds, EffectiveOn, null);
        return UnitId is null ? (null, [new(0, Messages.Text(HostMessages.UnitsUnitToRetireRequired))])
            : Invalid(request) ?? (await changes.RetireUnitAsync(UnitId.Value, request, ct), []);
    }, ct);

    public Task<IActionResult> OnPostPreviewRenameAsync(CancellationToken ct) => PreviewAsync(async () =>
    {
        var request = new RenameUnitRequest(Name, EffectiveOn);
        return UnitId is null ? (null, [new(0, Messages.Text(HostMessages.UnitsUnitToRenameRequired))])
            : Invalid(request) ?? (await changes.RenameUnitAsync(UnitId.Value, request, ct), []);
    }, ct);

    public Task<IActionResult> OnPostPreviewCreateAsync(CancellationToken ct) => PreviewAsync(async () =>
    {
        var request = new CreateUnitRequest(Code, Name, Level, ParentId, EffectiveOn, null);
        return Invalid(request) ?? (await changes.CreateUnitAsync(request, ct), []);
    }, ct);

    /// <summary>One agency: rename, merge into another (hợp nhất) or dissolve (giải thể).</summary>
    public Task<IActionResult> OnPostPreviewAgencyAsync(CancellationToken ct) => PreviewAsync(async () =>
    {
        if (AgencyId is not { } id)
        {
            return (null, [new(0, Messages.Text(HostMessages.UnitsAgencyRequired))]);
        }

        return AgencyAction switch
        {
            "rename" => (await changes.RenameAgencyAsync(id, Name, EffectiveOn, ct), []),
            "merge" when SuccessorAgencyId is null => (null, [new(0, Messages.Text(HostMessages.UnitsSuccessorAgencyRequired))]),
            "merge" or "dissolve" => Invalid(new RetireAgencyRequest(AgencyAction == "merge" ? SuccessorAgencyId : null, EffectiveOn))
                ?? (await changes.RetireAgencyAsync(id, new RetireAgencyRequest(AgencyAction == "merge" ? SuccessorAgencyId : null, EffectiveOn), ct), []),
            _ => (null, [new(0, Messages.Text(HostMessages.UnitsAgencyActionRequired))]),
        };
    }, ct);

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        ReorganisationPlan? plan = null;
        try
        {
            plan = JsonSerializer.Deserialize<ReorganisationPlan>(PlanJson ?? "", Reorganiser.Json);
        }
        catch (JsonException)
        {
        }

        if (plan is null)
        {
            Errors = [Messages.Text(HostMessages.UnitsPreviewUnreadable)];
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            await changes.EnsureProvinceWideAsync(ct);
            var record = await reorganiser.ApplyAsync(plan, Choice.Where(c => c.Value.Length > 0).ToDictionary(), scope.ActorName, ct);
            TempData["Message"] = record.TookEffectAt is null
                ? Messages.Text(HostMessages.UnitsAppliedLater, record.Title, record.EffectiveOn)
                : Messages.Text(HostMessages.UnitsApplied, record.Title, record.Outcome);
            return Redirect("/Units");
        }
        catch (PlatformException e)
        {
            Errors = e.Errors?.SelectMany(x => x.Value).ToList() ?? [e.Message];
            await LoadAsync(ct);
            return Page();
        }
    }

    public string NameOf(Guid predecessorId) => PredecessorNames.GetValueOrDefault(predecessorId, "");

    private async Task<IActionResult> PreviewAsync(Func<Task<(ReorganisationPlan?, IReadOnlyList<ReorganisationProblem>)>> read, CancellationToken ct)
    {
        try
        {
            var (plan, problems) = await read();
            if (plan is null)
            {
                Errors = problems.Select(p => p.ToString()).ToList();
            }
            else
            {
                Preview = await reorganiser.PreviewAsync(plan, ct);
                PlanJson = JsonSerializer.Serialize(plan, Reorganiser.Json);
                var all = await directory.AllAsync(ct);
                PredecessorNames = all.ToDictionary(u => u.Id, u => u.Name);
            }
        }
        catch (PlatformException e)
        {
            Errors = [e.Message];
        }

        await LoadAsync(ct);
        return Page();
    }

    private (ReorganisationPlan?, IReadOnlyList<ReorganisationProblem>)? Invalid<TRequest>(TRequest request) =>
        Validation.Failures(HttpContext.RequestServices, request).ToList() is { Count: > 0 } list
            ? (null, list.Select(e => new ReorganisationProblem(0, e.Message)).ToList())
            : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Units = (await directory.AllAsync(ct)).Where(u => u.IsValidOn(today) && scope.Unit.Contains(u.Path)).ToList();
        // Departments and vertical agencies (desks come and go with their units).
        Agencies = await db.Agencies.AsNoTracking().ValidOn(today)
            .Where(a => a.Kind != AgencyKinds.OneStopDesk && a.Kind != AgencyKinds.ServiceCenter)
            .OrderBy(a => a.Name).Select(a => new AgencyDto(a.Id, a.Code, a.Name, a.Kind, a.UnitId, a.UnitPath)).ToListAsync(ct);
        EffectiveOn ??= today;
    }
}

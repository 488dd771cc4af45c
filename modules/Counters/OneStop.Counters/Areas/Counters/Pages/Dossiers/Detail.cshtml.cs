using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Features;
using OneStop.Counters.Features.Dossiers;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Pages.Dossiers;

/// <summary>
/// One dossier: the due date and how it was computed, components, the process-control sheet (hand-overs), history,
/// printable forms, and the actions the user's role and the dossier's state allow.
/// </summary>
[Permission(CountersPermissions.DossiersRead)]
internal sealed class DetailModel(DossierWorkflow workflow, IPermissionChecker permissions, IAdministrativeUnitDirectory units, Features.Dossiers.Forms.DossierForms forms, IPeopleDirectory people,
    Infrastructure.CountersDbContext db, DossierAssignees assignees, OneStop.Platform.Scoping.ICurrentScope Scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public bool Created { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>Thành phần cần bổ sung: the document-type codes ticked on the supplement request.</summary>
    [BindProperty] public List<string> ComponentsAsked { get; set; } = [];
    [BindProperty] public string? Assignee { get; set; }
    [BindProperty] public Guid? ToUnitId { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public decimal? ExtendValue { get; set; }
    [BindProperty] public string ExtendUnit { get; set; } = LegalTimeUnits.WorkingDay;
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? PaymentMethod { get; set; }
    /// <summary>Hình thức chuyển: "electronic" or "paper" — asked, never assumed (the electronic-routing target counts it).</summary>
    [BindProperty] public string? Handover { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    public DossierDto Dossier { get; private set; } = null!;

    /// <summary>Tờ khai điện tử as filled at intake: each field's label and value, under the dossier's procedure version.</summary>
    public IReadOnlyList<(string Title, string? Value)> FormEntries { get; private set; } = [];
    public HashSet<string> Actions { get; private set; } = [];
    /// <summary>The procedure's components the supplement request can name (checkboxes), when the request is allowed.</summary>
    public IReadOnlyList<SupplementComponent> SupplementChoices { get; private set; } = [];
    /// <summary>The components' files (those the applicant attached on the national portal), to open from the page.</summary>
    public IReadOnlyList<DossierComponentFile> ComponentFiles { get; private set; } = [];

    /// <summary>The files the applicant sent online to supplement the dossier (ADR 0050), oldest first.</summary>
    public IReadOnlyList<ApplicantSupplementFile> SupplementFiles { get; private set; } = [];
    public IReadOnlyList<AdministrativeUnitInfo> RouteTargets { get; private set; } = [];
    /// <summary>Who the dossier can be assigned to: the login is the value, the full name and title what the officer reads.</summary>
    public IReadOnlyList<PersonName> Colleagues { get; private set; } = [];
    /// <summary>Full names of everyone the dossier's history, hand-overs and assignee name.</summary>
    public PeopleNames Names { get; private set; } = PeopleNames.None;
    /// <summary>The legal forms valid for this dossier's rule set (2018 / 2025) and state.</summary>
    public IReadOnlyList<Features.Dossiers.Forms.LegalForm> Forms { get; private set; } = [];
    /// <summary>Where "propose" or "complete and send on" sends the dossier: the next step of its internal process.</summary>
    public string NextStepName { get; private set; } = "";
    public bool NextStepIsAgency { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var dossier = await TryLoadAsync(ct);
        if (dossier is null)
        {
            return NotFound();
        }

        await PrepareAsync(dossier, ct);
        return Page();
    }

    /// <summary>One of the dossier's component files, found inside the caller's scope and this dossier only.</summary>
    public async Task<IActionResult> OnGetComponentFileAsync(Guid fileId, [FromServices] OneStop.Platform.Storage.IBlobStore blobs, CancellationToken ct) =>
        await DossierFileAsync(blobs, dossier => ComponentFilesOf(dossier).Where(f => f.Id == fileId)
            .Select(f => new StoredFile(f.BlobKey, f.ContentType, f.FileName)).FirstOrDefaultAsync(ct), ct);

    /// <summary>One of the files the applicant sent to supplement this dossier, found inside the caller's scope and this dossier only.</summary>
    public async Task<IActionResult> OnGetSupplementFileAsync(Guid fileId, [FromServices] OneStop.Platform.Storage.IBlobStore blobs, CancellationToken ct) =>
        await DossierFileAsync(blobs, dossier => SupplementFilesOf(dossier).Where(f => f.Id == fileId)
            .Select(f => new StoredFile(f.BlobKey, f.ContentType, f.FileName)).FirstOrDefaultAsync(ct), ct);

    private sealed record StoredFile(string BlobKey, string ContentType, string FileName);

    // A dossier's files are owned by its receiving unit, while the dossier is also seen by the unit resolving it (a
    // location-independent dossier, or one handed to a competent unit: ISharedWithUnit). The files follow the dossier:
    // asked only by the id of a dossier this page has loaded in the caller's scope, so whoever sees the dossier sees its
    // files and a third unit, which cannot load the dossier, sees neither.
    private IQueryable<DossierComponentFile> ComponentFilesOf(Guid loadedDossierId) =>
        db.DossierComponentFiles.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]).AsNoTracking().Where(f => f.DossierId == loadedDossierId);

    private IQueryable<ApplicantSupplementFile> SupplementFilesOf(Guid loadedDossierId) =>
        db.ApplicantSupplementFiles.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]).AsNoTracking().Where(f => f.DossierId == loadedDossierId);

    /// <summary>A file of the dossier the page shows (loaded in the caller's scope), or 404 when either is not there.</summary>
    private async Task<IActionResult> DossierFileAsync(OneStop.Platform.Storage.IBlobStore blobs, Func<Guid, Task<StoredFile?>> find, CancellationToken ct)
    {
        var dossier = await TryLoadAsync(ct);
        var file = dossier is null ? null : await find(dossier.Id);
        if (file is null || await blobs.OpenAsync(file.BlobKey, ct) is not { } content)
        {
            return NotFound();
        }

        return File(content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(string act, CancellationToken ct)
    {
        var dossier = await TryLoadAsync(ct);
        if (dossier is null)
        {
            return NotFound();
        }

        var allowed = await AllowedActionsAsync(dossier);
        if (!allowed.Contains(act))
        {
            Error = Messages.Text(CountersMessages.ActionNotPermitted);
            return RedirectToPage(new { id = Id });
        }

        try
        {
            await ApplyAsync(dossier, act, ct);
            Message = Messages.Text(CountersMessages.ActionDone, CountersMessages.Transition(TransitionOf(act)));
        }
        catch (PlatformException e)
        {
            Error = e.Message;
        }

        return RedirectToPage(new { id = Id });
    }

    private async Task ApplyAsync(Dossier d, string act, CancellationToken ct)
    {
        string Required(string? value, string messageCode) =>
            string.IsNullOrWhiteSpace(value) || value.Length > 2000 ? throw Invalid(messageCode) : value.Trim();
        static PlatformException Invalid(string messageCode) => new(PlatformErrorCodes.ValidationFailed, 400) { MessageCode = messageCode };
        bool Electronic() => Handover switch { "electronic" => true, "paper" => false, _ => throw Invalid(CountersMessages.HandoverFormRequired) };

        switch (act)
        {
            case "receive": await workflow.ReceiveAsync(d, ct); break;
            case "refuse": await workflow.RefuseAsync(d, Required(Reason, CountersMessages.RefuseReasonRequired), ct); break;
            case "assign": await workflow.AssignAsync(d, Required(Assignee, CountersMessages.AssigneeRequired), null, ct); break;
            case "route":
                await workflow.RouteAsync(d, ToUnitId ?? throw Invalid(CountersMessages.RouteTargetRequired), Electronic(), Reason, ct);
                break;
            case "propose": await workflow.ProposeAsync(d, Required(Reason, CountersMessages.DraftRequired), Handover != "paper", ct); break;
            case "complete-agency-step": await workflow.CompleteAgencyStepAsync(d, Reason, Electronic(), ct); break;
            case "approve": await workflow.ApproveAsync(d, Reason, ct); break;
            case "send-back": await workflow.SendBackAsync(d, Required(Reason, CountersMessages.SendBackReasonRequired), ct); break;
            case "request-supplement": await workflow.RequestSupplementAsync(d, Required(Reason, CountersMessages.SupplementContentRequired), ComponentsAsked, ct); break;
            case "supplement": await workflow.SupplementAsync(d, Reason, ct); break;
            case "request-financial-obligation":
                await workflow.RequestFinancialObligationAsync(d, Amount is > 0 ? Amount.Value : throw Invalid(CountersMessages.AmountRequired),
                    Required(Reason, CountersMessages.FinancialObligationReasonRequired), ct);
                break;
            case "financial-obligation-met":
                await workflow.FinancialObligationMetAsync(d, PaymentMethods.All.Contains(PaymentMethod) ? PaymentMethod : PaymentMethods.Desk, ct);
                break;
            case "extend":
                await workflow.ExtendAsync(d, ExtendValue is > 0 and <= 365 ? ExtendValue.Value : throw Invalid(CountersMessages.ExtendValueRequired),
                    LegalTimeUnits.All.Contains(ExtendUnit) ? ExtendUnit : LegalTimeUnits.WorkingDay, Required(Reason, CountersMessages.ExtendReasonRequired), ct);
                break;
            case "withdraw": await workflow.WithdrawAsync(d, Required(Reason, CountersMessages.WithdrawReasonRequired), ct); break;
            case "stop": await workflow.StopAsync(d, Required(Reason, CountersMessages.StopReasonRequired), ct); break;
            case "resolve": await workflow.ResolveAsync(d, Required(Reason, CountersMessages.ResultRequired), ct); break;
            case "return":
                await workflow.ReturnAsync(d, ReturnMethods.All.Contains(Method) ? Method! : ReturnMethods.Desk, Reason, ct);
                break;
        }
    }

    private static string TransitionOf(string act) =>
        DossierLifecycle.ByName.TryGetValue(act, out var action) ? action.Transition : act;

    private async Task<Dossier?> TryLoadAsync(CancellationToken ct)
    {
        try
        {
            return await workflow.LoadAsync(Id, ct);
        }
        catch (PlatformException e) when (e.Code == CountersErrorCodes.DossierNotFound)
        {
            return null;
        }
    }

    /// <summary>Actions by state (the workflow enforces it again) and by permission.</summary>
    private async Task<HashSet<string>> AllowedActionsAsync(Dossier d)
    {
        var actions = new HashSet<string>();
        foreach (var action in DossierLifecycle.AllowedIn(d.Stage))
        {
            // The open step of another agency is completed by that agency's officers only.
            if (action == DossierLifecycle.CompleteAgencyStep && d.CurrentAgencyCode is { } agency && agency != Scope.Unit.AgencyCode)
            {
                continue;
            }

            if (await permissions.IsGrantedAsync(User, action.Permission))
            {
                actions.Add(action.Name);
            }
        }

        return actions;
    }

    private async Task PrepareAsync(Dossier d, CancellationToken ct)
    {
        Dossier = DossierDto.From(d, workflow.Now);
        if (d.FormData is not null)
        {
            var schema = await db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureId == d.ProcedureId && v.Number == d.ProcedureVersion)
                .Select(v => v.FormSchema).FirstOrDefaultAsync(ct);
            if (Domain.Catalogue.ElectronicForms.ElectronicForm.TryParse(schema, out var form, out _) && !form.IsNone)
            {
                var values = form.ToInputs(System.Text.Json.Nodes.JsonNode.Parse(d.FormData) as System.Text.Json.Nodes.JsonObject);
                FormEntries = form.Fields.Select(f => (f.Title, values.GetValueOrDefault(f.Key))).ToList();
            }
            else if (System.Text.Json.Nodes.JsonNode.Parse(d.FormData) is System.Text.Json.Nodes.JsonObject sent)
            {
                // A form from the national portal for a procedure without an e-form of ours: its fields as the portal named them.
                FormEntries = sent.Select(p => (p.Key, p.Value is System.Text.Json.Nodes.JsonValue v ? v.ToString() : p.Value?.ToJsonString())).ToList();
            }
        }

        ComponentFiles = await ComponentFilesOf(d.Id).OrderBy(f => f.Id).ToListAsync(ct);
        SupplementFiles = await SupplementFilesOf(d.Id).OrderBy(f => f.UploadedAt).ThenBy(f => f.FileName).ToListAsync(ct);

        Names = await people.NamesAsync(DossierPeople.Logins(d), ct);
        Forms = await forms.AvailableAsync(d.Id, ct);
        Actions = await AllowedActionsAsync(d);
        if (Actions.Contains("request-supplement"))
        {
            SupplementChoices = await SupplementComponents.OfAsync(db, d, ct);
        }

        var plan = d.Plan;
        if (d.OpenStep is { PlanIndex: >= 0 } open && open.PlanIndex + 1 < plan.Count)
        {
            var next = plan[open.PlanIndex + 1];
            NextStepName = next.AgencyName is { } agency ? $"{next.Name} ({agency})" : next.Name;
            NextStepIsAgency = next.Kind == Domain.Catalogue.ProcessStepKinds.Agency;
        }
        if (Actions.Contains("route"))
        {
            // Up the tree, the children of the holding unit, and the competent unit (liên thông theo cấp và ngang cấp).
            var targets = new List<AdministrativeUnitInfo>();
            var current = await units.FindAsync(d.CurrentUnitId, ct);
            for (var u = current; u?.ParentId is { } parent;)
            {
                u = await units.FindAsync(parent, ct);
                if (u is not null)
                {
                    targets.Add(u);
                }
            }

            if (current is not null)
            {
                targets.AddRange(await units.ChildrenAsync(current.Id, ct: ct));
            }

            foreach (var id in new[] { d.ResolvingUnitId, d.UnitId })
            {
                if (await units.FindAsync(id, ct) is { } u && targets.All(t => t.Id != u.Id))
                {
                    targets.Add(u);
                }
            }

            RouteTargets = targets.Where(t => t.Id != d.CurrentUnitId).ToList();
        }

        if (Actions.Contains("assign"))
        {
            // Only the people who may take it: the API refuses anyone else (DossierAssignees).
            Colleagues = await assignees.EligibleAsync(d, ct);
        }
    }

    public static string Local(DateTimeOffset? t) => t is { } v ? VietnamTime.FormatAs(v, "dd/MM/yyyy HH:mm") : "";
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Catalogue.ElectronicForms;
using OneStop.Counters.Features;
using OneStop.Counters.Features.Catalogue.ListProcedures;
using OneStop.Counters.Features.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Digitization.Contracts;
using OneStop.Integration.Contracts;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Pages.Dossiers;

/// <summary>
/// Tiếp nhận hồ sơ at the desk: find the procedure, check the components against its list, identify the applicant
/// (prefilled from the national population database), reuse documents the applicant already has, print the receipt.
/// </summary>
[Permission(CountersPermissions.DossiersReceive)]
internal sealed class IntakeModel(
    CountersDbContext db, IntakeHandler intake, ICurrentScope scope, IAdministrativeUnitDirectory units, TimeProvider clock,
    Features.Catalogue.LocationIndependence.LocationIndependence locationIndependence) : PageModel
{
    public sealed class InputModel
    {
        public string ApplicantKind { get; set; } = ApplicantKinds.Citizen;
        public string Identity { get; set; } = "";
        public string Name { get; set; } = "";
        public DateOnly? DateOfBirth { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public bool Verified { get; set; }
        public string Channel { get; set; } = DossierChannels.Direct;
        public string ReturnMethod { get; set; } = ReturnMethods.Desk;
        public Guid? ResolvingUnitId { get; set; }
        public Guid? TicketId { get; set; }
        public string? Note { get; set; }
        public List<string> Components { get; set; } = [];
        /// <summary>Document-type code → "documentId|R" (result) or "documentId|C" (component) to reuse.</summary>
        public Dictionary<string, string> Reuse { get; set; } = [];
        /// <summary>Tờ khai điện tử: field key → the value as typed.</summary>
        public Dictionary<string, string?> Form { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? TicketId { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public Procedure? Chosen { get; private set; }

    /// <summary>The components of <see cref="Chosen"/>'s version valid today (ADR 0028).</summary>
    public IReadOnlyList<ProcedureComponent> Components { get; private set; } = [];

    /// <summary>The e-form of that version (<see cref="ElectronicForm.None"/> when it has none).</summary>
    public ElectronicForm Form { get; private set; } = ElectronicForm.None;

    /// <summary>E-form field key → messages, after a refused post.</summary>
    public Dictionary<string, string[]> FormErrors { get; } = [];

    public ElectronicFormFieldsModel FormFields => new(Form, Input.Form, "Input.Form", FormErrors);

    /// <summary>This desk may receive <see cref="Chosen"/> for a unit outside its branch today.</summary>
    public bool LocationIndependentHere { get; private set; }
    public IReadOnlyList<ProcedureSummaryDto> Matches { get; private set; } = [];
    public IReadOnlyList<AdministrativeUnitInfo> CompetentUnits { get; private set; } = [];
    public IReadOnlyList<ReusableDocument> Reusable { get; private set; } = [];
    public string? VerificationMessage { get; private set; }
    public bool VerificationFailed { get; private set; }
    public bool PopulationAvailable => HttpContext.RequestServices.GetService<IIntegrationApi>() is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.TicketId = TicketId;
        if (User.IsInRole(Roles.PostalAgent))
        {
            Input.Channel = DossierChannels.Postal;
            Input.ReturnMethod = ReturnMethods.Postal;
        }

        await LoadAsync(ct);
        if (Chosen is not null)
        {
            // The required components are ticked: the officer unticks what the applicant lacks, and intake says so.
            Input.Components = Components.Where(c => c.Required).Select(c => c.DocumentTypeCode).ToList();
        }

        return Page();
    }

    /// <summary>Tra cứu CSDL quốc gia về dân cư: fills name, date of birth and address, marks the identity verified.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        var api = HttpContext.RequestServices.GetService<IIntegrationApi>();
        if (api is null || Input.ApplicantKind != ApplicantKinds.Citizen)
        {
            return Page();
        }

        if (!CitizenIdFormat.IsValid(Input.Identity) || Input.DateOfBirth is null || string.IsNullOrWhiteSpace(Input.Name))
        {
            VerificationFailed = true;
            VerificationMessage = Messages.Text(CountersMessages.IntakeVerifyInputRequired);
            return Page();
        }

        var result = await api.VerifyCitizenAsync(Input.Identity.Trim(), Input.Name.Trim(), Input.DateOfBirth.Value, ct);
        VerificationMessage = result.Message;
        VerificationFailed = result.Outcome != LookupOutcome.Found;
        if (result is { Outcome: LookupOutcome.Found, Citizen: { } citizen })
        {
            Input.Name = citizen.FullName;
            Input.DateOfBirth = citizen.DateOfBirth;
            Input.Address = citizen.PermanentAddress;
            Input.Verified = true;
        }

        await LoadReusableAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Chosen is null)
        {
            ModelState.AddModelError(nameof(Procedure), Messages.Text(CountersMessages.IntakeProcedureRequired));
            return Page();
        }

        var components = Input.Components.Distinct().Select(code =>
        {
            if (Input.Reuse.TryGetValue(code, out var reuse) && reuse.Split('|') is [var id, var kind] && Guid.TryParse(id, out var documentId))
            {
                return new IntakeComponent(code, documentId, kind == "R");
            }

            return new IntakeComponent(code);
        }).ToArray();
        Dictionary<string, string[]> conversionErrors = [];
        var formData = Form.IsNone ? null : Form.FromInputs(Input.Form, out conversionErrors);
        var request = new IntakeRequest(Chosen.Code,
            new IntakeApplicant(Input.ApplicantKind, Input.Identity?.Trim() ?? "", Input.Name?.Trim() ?? "", Input.DateOfBirth, Input.Address, Input.Phone, Input.Email, Input.Verified),
            components, Input.Channel, Input.ReturnMethod, Input.ResolvingUnitId, Input.TicketId, Input.Note, FormData: formData);
        // The request's own rules speak for every field, in the reader's language; the binder's are dropped, so no
        // framework "field is required" duplicates a rule (an empty identity binds as null).
        ModelState.Clear();
        if (!Form.IsNone)
        {
            // What cannot be converted (a number that is not one) and what the schema refuses, each under its field.
            foreach (var (key, messages) in conversionErrors.Concat(Form.Validate(formData)).GroupBy(e => e.Key).Select(g => (g.Key, g.SelectMany(e => e.Value).Distinct().ToArray())))
            {
                FormErrors[key] = messages;
                foreach (var message in messages)
                {
                    ModelState.AddModelError("Input.Form[" + key + "]", message);
                }
            }
        }
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError("Input." + error.Field.Replace("Applicant.", ""), error.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var dossier = await intake.IntakeAsync(request, ct);
            return RedirectToPage("Detail", new { id = dossier.Id, created = true });
        }
        catch (PlatformException e)
        {
            ModelState.AddModelError("", e.Message);
            foreach (var (field, messages) in e.Errors ?? new Dictionary<string, string[]>())
            {
                if (field.StartsWith("Form.", StringComparison.Ordinal))
                {
                    FormErrors[field["Form.".Length..]] = messages;
                }

                foreach (var message in messages)
                {
                    ModelState.AddModelError("", message);
                }
            }

            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Procedure))
        {
            // An abolished procedure (bãi bỏ) is not offered: the desk searches again (ADR 0025).
            var today = VietnamTime.DayOf(clock.GetUtcNow());
            Chosen = await db.Procedures.AsNoTracking().Include(p => p.Components).Include(p => p.LegalTimes)
                .Include(p => p.Versions).ThenInclude(v => v.Components).AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Code == Procedure && (p.AbolishedFrom == null || p.AbolishedFrom > today), ct);
            if (Chosen is not null)
            {
                Components = Chosen.ComponentsOn(today);
                Form = ElectronicForm.TryParse(Chosen.VersionOn(today)?.FormSchema, out var form, out _) ? form : ElectronicForm.None;
            }
        }

        if (Chosen is null)
        {
            Matches = string.IsNullOrWhiteSpace(Q) ? [] : (await ListProceduresEndpoint.List(db, clock, Q, null, null, null, null, 20, ct)).Value!.Items;
            return;
        }

        // The competent unit is chosen only where a decision in force lets this desk receive the procedure (ADR 0027).
        LocationIndependentHere = await units.FindAsync(scope.Unit.UnitId, ct) is { } receiving
            && await locationIndependence.AppliesAsync(Chosen.Code, receiving, OneStop.Platform.Domain.VietnamTime.Today(clock), ct);
        if (LocationIndependentHere)
        {
            CompetentUnits = await UnitsAtLevelsAsync(Chosen.Levels.ToHashSet(), ct);
        }
    }

    private async Task LoadReusableAsync(CancellationToken ct)
    {
        var store = HttpContext.RequestServices.GetService<IDigitizationApi>();
        if (store is null || Chosen is null || Components.Count == 0 || string.IsNullOrWhiteSpace(Input.Identity))
        {
            return;
        }

        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()));
        Reusable = await store.FindReusableDocumentsAsync(Input.Identity.Trim(), Components.Select(c => c.DocumentTypeCode).ToList(), today, ct);
    }

    /// <summary>Units of the province at the procedure's levels, for a location-independent dossier's competent unit.</summary>
    private async Task<IReadOnlyList<AdministrativeUnitInfo>> UnitsAtLevelsAsync(HashSet<string> levels, CancellationToken ct)
    {
        var current = await units.FindAsync(scope.Unit.UnitId, ct);
        while (current?.ParentId is { } parent)
        {
            current = await units.FindAsync(parent, ct);
        }

        var result = new List<AdministrativeUnitInfo>();
        var queue = new Queue<AdministrativeUnitInfo>(current is null ? [] : [current]);
        while (queue.TryDequeue(out var unit))
        {
            if (levels.Contains(unit.Level))
            {
                result.Add(unit);
            }

            foreach (var child in await units.ChildrenAsync(unit.Id, ct: ct))
            {
                queue.Enqueue(child);
            }
        }

        return result.OrderBy(u => u.Path).ToList();
    }

    /// <summary>The legal time per channel, with the page's labels (never the raw codes DIRECT, WORKING_DAY…).</summary>
    public string LegalTimeText(IStringLocalizer T)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()));
        var times = Chosen?.LegalTimesOn(today) ?? [];
        return string.Join("; ", times.Select(t =>
            $"{T["Channel." + t.Channel]}: {t.Value.ToString("0.##", CultureInfo.CurrentCulture)} {T["Unit." + t.Unit]}"));
    }
}

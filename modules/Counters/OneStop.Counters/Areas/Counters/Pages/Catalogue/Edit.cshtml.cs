using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Catalogue.ElectronicForms;
using OneStop.Counters.Features.Catalogue.LegalTimeVersions;
using OneStop.Counters.Features.Catalogue.ProcedureVersions;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Calendar;
using OneStop.Platform.Domain;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>
/// Soạn phiên bản mới của thủ tục (ADR 0028): the whole procedure as one form — description, channels, legal times,
/// fees, components with codes of the managed list, result types, e-form — saved as a new version effective on a date
/// through the same handler as POST /catalogue/procedures/{code}/versions. Rows are added by posting back (no script).
/// </summary>
[Permission(CountersPermissions.CatalogueManage)]
internal sealed class EditModel(CountersDbContext db, NewProcedureVersionHandler handler, Features.Catalogue.DocumentTypes.DocumentTypeRegistry documentTypes, TimeProvider clock) : PageModel
{
    public sealed class TimeRow
    {
        public string Channel { get; set; } = Channels.Direct;
        public decimal? Value { get; set; }
        public string Unit { get; set; } = LegalTimeUnits.WorkingDay;
    }

    public sealed class FeeRow
    {
        public string Channel { get; set; } = Channels.Direct;
        public string Kind { get; set; } = FeeKinds.Fee;
        public decimal? AmountVnd { get; set; }
        public string? Exemption { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class ComponentRow
    {
        public string? DocumentTypeCode { get; set; }
        public string? Name { get; set; }
        public bool Required { get; set; } = true;
        public string SubmissionForm { get; set; } = SubmissionForms.Original;
        public bool Remove { get; set; }
    }

    public sealed class VersionForm
    {
        /// <summary>The code of a procedure added by hand (only when <see cref="New"/>).</summary>
        public string? NewCode { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public string? Reason { get; set; }
        public string? Name { get; set; }
        public string? Field { get; set; }
        public string? ExecutingAgency { get; set; }
        public List<string> Levels { get; set; } = [];
        public bool OnlinePartial { get; set; }
        public bool FullyOnline { get; set; }
        public bool PostalAllowed { get; set; }
        public bool PopulationDataConnected { get; set; }
        public List<TimeRow> Times { get; set; } = [];
        public List<FeeRow> Fees { get; set; } = [];
        public List<ComponentRow> Components { get; set; } = [];
        public string? ResultTypes { get; set; }
        public string? FormSchema { get; set; }
        public string? NewFieldKey { get; set; }
        public string? NewFieldTitle { get; set; }
        public string NewFieldType { get; set; } = ElectronicFormFieldTypes.Text;
        public bool NewFieldRequired { get; set; }
        public string? NewFieldOptions { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    /// <summary>Thêm thủ tục: a procedure the catalogue lacks, saved as its version 1.</summary>
    [BindProperty(SupportsGet = true)] public bool New { get; set; }
    [BindProperty] public VersionForm Input { get; set; } = new();

    public string ProcedureName { get; private set; } = "";
    public int LatestVersion { get; private set; }
    public DateOnly? LatestEffectiveFrom { get; private set; }
    public IReadOnlyList<DocumentType> DocumentTypes { get; private set; } = [];
    /// <summary>The e-form as the schema box now reads, for the preview (None when empty or not parseable).</summary>
    public ElectronicForm FormPreview { get; private set; } = ElectronicForm.None;
    public IReadOnlyList<string> FormSchemaErrors { get; private set; } = [];
    public ElectronicFormFieldsModel PreviewFields => new(FormPreview, new Dictionary<string, string?>(), "Preview", null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (New)
        {
            Input = new VersionForm
            {
                EffectiveFrom = VietnamTime.Today(clock), Levels = [ResolvingLevels.Commune],
                Times = Channels.All.Select(channel => new TimeRow { Channel = channel }).ToList(),
            };
            await LoadAsync(null, ct);
            return Page();
        }

        var p = await db.Procedures.AsNoTracking().Include(x => x.Components).Include(x => x.Fees).Include(x => x.LegalTimes).Include(x => x.Versions)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Code == Code, ct);
        if (p is null)
        {
            return NotFound();
        }

        // The editor starts from the latest version (a new one must not come before it), i.e. the head's content.
        var latest = p.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        var today = VietnamTime.Today(clock);
        var latestDate = CatalogueSync.LatestEffectiveFrom(p);
        Input = new VersionForm
        {
            EffectiveFrom = latestDate is { } d && d > today ? d : today,
            Name = p.Name, Field = p.Field, ExecutingAgency = p.ExecutingAgency, Levels = p.Levels.ToList(),
            OnlinePartial = p.OnlinePartial, FullyOnline = p.FullyOnline, PostalAllowed = p.PostalAllowed, PopulationDataConnected = p.PopulationDataConnected,
            Times = Channels.All.Select(channel => p.LegalTimes.Where(t => t.Version == p.CurrentVersion && t.Channel == channel)
                .Select(t => new TimeRow { Channel = channel, Value = t.Value, Unit = t.Unit }).FirstOrDefault() ?? new TimeRow { Channel = channel }).ToList(),
            Fees = p.Fees.OrderBy(f => Array.IndexOf(Channels.All, f.Channel))
                .Select(f => new FeeRow { Channel = f.Channel, Kind = f.Kind, AmountVnd = f.AmountVnd, Exemption = f.Exemption }).ToList(),
            Components = p.Components.OrderBy(c => c.Order)
                .Select(c => new ComponentRow { DocumentTypeCode = c.DocumentTypeCode, Name = c.Name, Required = c.Required, SubmissionForm = c.SubmissionForm }).ToList(),
            ResultTypes = latest?.ResultTypes,
            FormSchema = latest?.FormSchema,
        };
        await LoadAsync(p, ct);
        return Page();
    }

    /// <summary>"Thêm thành phần": one more empty row.</summary>
    public async Task<IActionResult> OnPostAddComponentAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input.Components.Add(new ComponentRow());
        return await PageAsync(ct);
    }

    /// <summary>"Thêm phí, lệ phí": one more empty row.</summary>
    public async Task<IActionResult> OnPostAddFeeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input.Fees.Add(new FeeRow());
        return await PageAsync(ct);
    }

    /// <summary>"Thêm trường" of the e-form: the schema box gets one more property (or says why not).</summary>
    public async Task<IActionResult> OnPostAddFieldAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var options = (Input.NewFieldOptions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ElectronicFormSchema.TryAddField(Input.FormSchema, Input.NewFieldKey?.Trim() ?? "", Input.NewFieldTitle?.Trim() ?? "", Input.NewFieldType,
                Input.NewFieldRequired, options, out var schema, out var errors))
        {
            Input.FormSchema = schema;
            (Input.NewFieldKey, Input.NewFieldTitle, Input.NewFieldRequired, Input.NewFieldOptions) = (null, null, false, null);
        }
        else
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("Input.NewFieldKey", error);
            }
        }

        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var request = ToRequest();
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError("Input." + error.Field, error.Message);
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                if (New)
                {
                    var code = Input.NewCode?.Trim() ?? "";
                    await handler.CreateAsync(code, request, ct);
                    return RedirectToPage("Detail", new { code, savedVersion = 1 });
                }

                if (await handler.HandleAsync(Code, request, ct) is not { } number)
                {
                    return NotFound();
                }

                return RedirectToPage("Detail", new { code = Code, savedVersion = number });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
                foreach (var (field, messages) in e.Errors ?? new Dictionary<string, string[]>())
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError("Input." + field, message);
                    }
                }
            }
        }

        return await PageAsync(ct);
    }

    /// <summary>The form as the handler's request: blank and removed rows are left out.</summary>
    private NewProcedureVersionRequest ToRequest() => new(
        Input.EffectiveFrom ?? default,
        Input.Reason?.Trim() ?? "",
        Input.Name?.Trim() ?? "",
        Input.Field,
        Input.Levels.Where(ResolvingLevels.All.Contains).ToList(),
        Input.ExecutingAgency,
        Input.OnlinePartial,
        Input.FullyOnline,
        Input.PostalAllowed,
        Input.Times.Where(t => t.Value is not null).Select(t => new ChannelTimeDto(t.Channel, t.Value!.Value, t.Unit)).ToList(),
        Input.Fees.Where(f => !f.Remove && f.AmountVnd is not null).Select(f => new VersionFeeInput(f.Channel, f.Kind, f.AmountVnd!.Value, f.Exemption)).ToList(),
        Input.Components.Where(c => !c.Remove && !string.IsNullOrWhiteSpace(c.DocumentTypeCode))
            .Select(c => new VersionComponentInput(c.DocumentTypeCode!, c.Name, c.Required, c.SubmissionForm)).ToList(),
        (Input.ResultTypes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Input.FormSchema ?? "",
        Input.PopulationDataConnected);

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        if (New)
        {
            await LoadAsync(null, ct);
            return Page();
        }

        var p = await db.Procedures.AsNoTracking().Include(x => x.Versions).Include(x => x.LegalTimes).AsSplitQuery().FirstOrDefaultAsync(x => x.Code == Code, ct);
        if (p is null)
        {
            return NotFound();
        }

        await LoadAsync(p, ct);
        return Page();
    }

    private async Task LoadAsync(Procedure? p, CancellationToken ct)
    {
        if (p is not null)
        {
            ProcedureName = p.Name;
            LatestVersion = p.LatestVersionNumber;
            LatestEffectiveFrom = CatalogueSync.LatestEffectiveFrom(p);
        }

        var today = VietnamTime.Today(clock);
        DocumentTypes = await documentTypes.InUseOnAsync(today, ct);
        if (ElectronicForm.TryParse(Input.FormSchema, out var form, out var errors))
        {
            FormPreview = form;
        }
        else
        {
            FormSchemaErrors = errors;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Catalogue.ElectronicForms;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;
using OneStop.Platform.Localization;

namespace OneStop.Counters.Features.Catalogue.ProcedureVersions;

/// <summary>
/// Soạn phiên bản mới của thủ tục (ADR 0028): checks the request against the catalogue (document-type codes in use on
/// the version's date, an e-form schema that parses, a date not before the latest version), then writes the version —
/// its legal times, components, fees, result types and e-form — and brings the head row to it, in one SaveChanges
/// (audited). Nothing is written when anything is refused.
/// </summary>
internal sealed class NewProcedureVersionHandler(CountersDbContext db, TimeProvider clock)
{
    public const string ComponentsChange = "components";
    public const string LevelsChange = "levels";
    public const string ResultsChange = "results";
    public const string FormChange = "form";

    /// <returns>The new version's number; null when the procedure does not exist.</returns>
    public async Task<int?> HandleAsync(string code, NewProcedureVersionRequest request, CancellationToken ct)
    {
        var procedure = await db.Procedures.Include(p => p.Components).Include(p => p.Fees).Include(p => p.LegalTimes).Include(p => p.Versions)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return null;
        }

        // The same day as the latest version is allowed (the later number wins that day); an earlier one would rewrite history.
        if (CatalogueSync.LatestEffectiveFrom(procedure) is { } latest && request.EffectiveFrom < latest)
        {
            throw new PlatformException(CountersErrorCodes.ProcedureVersionOutOfOrder, 409, latest) { MessageCode = ProcedureVersionMessages.VersionAfter };
        }

        var number = await ApplyAsync(procedure, request, ct);
        await SaveAsync(new PlatformException(CountersErrorCodes.ProcedureVersionOutOfOrder, 409) { MessageCode = ProcedureVersionMessages.SavedMeanwhile }, ct);
        return number;
    }

    /// <summary>
    /// Thêm thủ tục the national catalogue lacks (a province's own, or one published before the next import): version 1,
    /// entered by hand, so a later import does not abolish it (ADR 0025). It needs a legal time to be received.
    /// </summary>
    public async Task<int> CreateAsync(string code, NewProcedureVersionRequest request, CancellationToken ct)
    {
        code = (code ?? "").Trim();
        if (!ProcedureCodes.IsValid(code))
        {
            throw new PlatformException(CountersErrorCodes.ProcedureCodeInvalid, 400, code) { MessageCode = ProcedureVersionMessages.CodeInvalid };
        }

        if (await db.Procedures.AnyAsync(p => p.Code == code, ct))
        {
            throw new PlatformException(CountersErrorCodes.ProcedureCodeTaken, 409, code) { MessageCode = ProcedureVersionMessages.CodeTaken };
        }

        if (request.LegalTimes is not { Count: > 0 })
        {
            throw new PlatformException(CountersErrorCodes.LegalTimeUnknown, 400) { MessageCode = CountersMessages.LegalTimesRequired };
        }

        var procedure = new Procedure { Code = code, Source = Messages.Text(ProcedureVersionMessages.HandMadeSource) };
        db.Procedures.Add(procedure);
        var number = await ApplyAsync(procedure, request, ct);
        await SaveAsync(new PlatformException(CountersErrorCodes.ProcedureCodeTaken, 409, code) { MessageCode = ProcedureVersionMessages.CodeTaken }, ct);
        return number;
    }

    /// <summary>
    /// Two editors saving the same procedure at once meet at the unique (procedure, number) or code index: the second is
    /// told to reload, nothing of it written (the transaction of SaveChanges is all or nothing).
    /// </summary>
    private async Task SaveAsync(PlatformException whenTaken, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw whenTaken;
        }
    }

    private async Task<int> ApplyAsync(Procedure procedure, NewProcedureVersionRequest request, CancellationToken ct)
    {
        var previous = procedure.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        var form = CheckForm(request.FormSchema ?? previous?.FormSchema);
        var components = request.Components is null ? null : await CheckComponentsAsync(request.Components, request.EffectiveFrom, ct);

        var changes = DescriptionChanges(procedure, request);
        void Changed(string change, bool differs)
        {
            if (differs)
            {
                changes.Add(change);
            }
        }

        var levels = request.Levels!;

        procedure.Name = request.Name.Trim();
        procedure.Field = request.Field?.Trim() ?? "";
        procedure.ExecutingAgency = request.ExecutingAgency?.Trim() ?? "";
        procedure.AtCommune = levels.Contains(ResolvingLevels.Commune);
        procedure.AtDistrict = levels.Contains(ResolvingLevels.District);
        procedure.AtProvince = levels.Contains(ResolvingLevels.Province);
        procedure.FullyOnline = request.FullyOnline;
        procedure.OnlinePartial = request.OnlinePartial && !request.FullyOnline;
        procedure.PostalAllowed = request.PostalAllowed;
        procedure.PopulationDataConnected = request.PopulationDataConnected ?? procedure.PopulationDataConnected;
        procedure.SearchText = VietnameseText.Fold(procedure.Code + " " + procedure.Name);
        procedure.EffectiveFrom = request.EffectiveFrom;
        // Công khai: the version is public from the day it is entered (indicator 1.1 compares this with the effective date).
        procedure.PublishedOn = VietnamTime.Today(clock);

        var number = procedure.LatestVersionNumber + 1;
        var currentTimes = procedure.LegalTimes.Where(t => t.Version == procedure.CurrentVersion).ToList();
        var times = request.LegalTimes?.Select(t => (t.Channel, t.Value, t.Unit)).ToList()
            ?? currentTimes.Select(t => (t.Channel, t.Value, t.Unit)).ToList();
        Changed(CatalogueSync.LegalTimeChange, !Same(times, currentTimes.Select(t => (t.Channel, t.Value, t.Unit))));
        foreach (var (channel, value, unit) in times)
        {
            db.ProcedureLegalTimes.Add(new ProcedureLegalTime
            {
                ProcedureId = procedure.Id, Version = number, EffectiveFrom = request.EffectiveFrom, Channel = channel, Value = value, Unit = unit,
                Reason = request.Reason.Trim(),
            });
        }

        if (request.Fees is { } fees)
        {
            var replaced = fees.Select(f => new ProcedureFee
            {
                ProcedureId = procedure.Id, Channel = f.Channel, Kind = f.Kind, AmountVnd = f.AmountVnd, Exemption = f.Exemption?.Trim() ?? "",
            }).ToList();
            Changed(CatalogueSync.FeesChange, !Same(replaced.Select(FeeKey), procedure.Fees.Select(FeeKey)));
            db.ProcedureFees.RemoveRange(procedure.Fees);
            procedure.Fees = replaced;
            db.ProcedureFees.AddRange(replaced);
        }

        if (components is not null)
        {
            Changed(ComponentsChange, !components.Select(ComponentKey).SequenceEqual(procedure.Components.OrderBy(c => c.Order).Select(ComponentKey)));
            foreach (var c in components)
            {
                // A component the hand-made seed wrote stays marked as such while it is unchanged.
                c.HandMade = procedure.Components.Any(old => old.HandMade && ComponentKey(old) == ComponentKey(c));
                c.ProcedureId = procedure.Id;
            }

            db.ProcedureComponents.RemoveRange(procedure.Components);
            procedure.Components = components;
            db.ProcedureComponents.AddRange(components);
        }

        var resultTypes = request.ResultTypes is null ? previous?.ResultTypes ?? ""
            : string.Join('\n', request.ResultTypes.Select(r => r.Trim()).Where(r => r.Length > 0));
        Changed(ResultsChange, resultTypes != (previous?.ResultTypes ?? ""));
        Changed(FormChange, form.SchemaText != NormalisedForm(previous?.FormSchema));

        var status = procedure.AbolishedFrom is { } abolished && abolished <= request.EffectiveFrom
            ? ProcedureVersionStatuses.Abolished : ProcedureVersionStatuses.Active;
        var version = CatalogueSync.Snapshot(procedure, number, request.EffectiveFrom, status,
            new CatalogueSource(ProcedureVersionSources.Manual, request.Reason.Trim(), ""), number == 1 ? "" : string.Join(';', changes));
        version.ResultTypes = resultTypes;
        version.FormSchema = form.SchemaText;
        db.ProcedureVersions.Add(version);
        return number;
    }

    /// <summary>
    /// What <paramref name="request"/> changes in the procedure's description, as change codes: name, field, agency,
    /// levels, channels. Editing in place (<c>PUT</c>) makes a version only when this is not empty.
    /// </summary>
    public static List<string> DescriptionChanges(Procedure procedure, NewProcedureVersionRequest request)
    {
        var changes = new List<string>();
        void Changed(string change, bool differs)
        {
            if (differs)
            {
                changes.Add(change);
            }
        }

        Changed(CatalogueSync.NameChange, procedure.Name != request.Name.Trim());
        Changed(CatalogueSync.FieldChange, procedure.Field != (request.Field?.Trim() ?? ""));
        Changed(CatalogueSync.AgencyChange, procedure.ExecutingAgency != (request.ExecutingAgency?.Trim() ?? ""));
        Changed(LevelsChange, !procedure.Levels.Order().SequenceEqual(request.Levels!.Distinct().Order()));
        Changed(CatalogueSync.ChannelsChange, procedure.FullyOnline != request.FullyOnline || procedure.PostalAllowed != request.PostalAllowed
            || procedure.OnlinePartial != (request.OnlinePartial && !request.FullyOnline));
        return changes;
    }

    /// <summary>The e-form as it will be stored (normalised), or a 400 naming every problem of the schema.</summary>
    private static ElectronicForm CheckForm(string? schema)
    {
        if (ElectronicForm.TryParse(schema, out var form, out var errors))
        {
            return form;
        }

        throw new PlatformException(CountersErrorCodes.FormSchemaInvalid, 400, errors.Count)
        {
            MessageCode = ProcedureVersionMessages.FormSchemaRefused,
            Errors = new Dictionary<string, string[]> { ["FormSchema"] = errors.ToArray() },
        };
    }

    private static string? NormalisedForm(string? schema) => ElectronicForm.TryParse(schema, out var form, out _) ? form.SchemaText : schema;

    /// <summary>Components with codes of the managed list in use on <paramref name="on"/>; an unnamed one takes the type's name.</summary>
    private async Task<List<ProcedureComponent>> CheckComponentsAsync(IReadOnlyList<VersionComponentInput> given, DateOnly on, CancellationToken ct)
    {
        var codes = given.Select(c => c.DocumentTypeCode.Trim().ToUpperInvariant()).ToList();
        var types = await db.DocumentTypes.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        var problems = new List<string>();
        foreach (var code in codes)
        {
            if (!types.TryGetValue(code, out var type))
            {
                problems.Add(Messages.Text(ProcedureVersionMessages.DocumentTypeUnknown, code));
            }
            else if (!type.IsInUseOn(on))
            {
                problems.Add(Messages.Text(ProcedureVersionMessages.DocumentTypeRetired, code, type.RetiredFrom));
            }
        }

        if (problems.Count > 0)
        {
            throw new PlatformException(CountersErrorCodes.ComponentDocumentTypeUnknown, 400)
            {
                MessageCode = ProcedureVersionMessages.ComponentsRefused,
                Errors = new Dictionary<string, string[]> { ["Components"] = problems.ToArray() },
            };
        }

        return given.Select((c, i) => new ProcedureComponent
        {
            Order = i + 1,
            DocumentTypeCode = codes[i],
            Name = string.IsNullOrWhiteSpace(c.Name) ? types[codes[i]].Name : c.Name.Trim(),
            Required = c.Required,
            SubmissionForm = c.SubmissionForm ?? SubmissionForms.Original,
        }).ToList();
    }

    private static string FeeKey(ProcedureFee f) => $"{f.Channel}|{f.Kind}|{f.AmountVnd:0.##}|{f.Exemption}";

    private static string ComponentKey(ProcedureComponent c) => $"{c.DocumentTypeCode}|{c.Name}|{c.Required}|{c.SubmissionForm}";

    private static bool Same<T>(IEnumerable<T> a, IEnumerable<T> b) => a.Order().SequenceEqual(b.Order());
}

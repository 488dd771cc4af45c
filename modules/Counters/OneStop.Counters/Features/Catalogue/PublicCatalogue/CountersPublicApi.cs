using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Catalogue.ElectronicForms;
using OneStop.Counters.Features.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Calendar;
using OneStop.Platform.Domain;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.PublicCatalogue;

/// <summary>
/// The catalogue and the dossier look-up as the citizen portal reads them (ADR 0042). The catalogue is province-wide
/// reference data (not unit-scoped); the look-up lifts the scope for one exact code and identity tail only, a signed-in
/// applicant's dossiers and the forms issued to them for that exact identity only (ADR 0046).
/// </summary>
internal sealed class CountersPublicApi(CountersDbContext db, PublicLookup lookup, TimeProvider clock, Dossiers.Forms.ApplicantForms applicantForms) : ICountersPublicApi
{
    /// <summary>Words of a search beyond this many are ignored (each word is one LIKE on the folded text).</summary>
    public const int MaxWords = 8;

    public async Task<KeysetPage<PublicProcedureSummary>> SearchProceduresAsync(
        string? q, string? level, string? field, string? cursor, int pageSize, CancellationToken ct = default)
    {
        var after = KeysetCursor.Decode<string>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var today = VietnamTime.Today(clock);
        var query = InForce(today);
        foreach (var word in Words(q))
        {
            query = query.Where(p => p.SearchText.Contains(word));
        }

        query = ListProcedures.ProcedureListFilter.Narrow(query, level, field, after);

        var rows = await query.OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.Name, p.Field, p.AtCommune, p.AtDistrict, p.AtProvince, p.FullyOnline, p.PostalAllowed })
            .Take(size + 1).ToListAsync(ct);
        var listed = await LocationIndependence.LocationIndependence.ListedAmongAsync(db, rows.Select(p => p.Code).ToList(), today, ct);
        return KeysetCursor.ToPage(rows, size,
            p => new PublicProcedureSummary(p.Code, p.Name, p.Field, ResolvingLevels.Of(p.AtCommune, p.AtDistrict, p.AtProvince).ToList(),
                p.FullyOnline, p.PostalAllowed, listed.Contains(p.Code)),
            p => p.Code);
    }

    public async Task<IReadOnlyList<string>> PublicFieldsAsync(CancellationToken ct = default) =>
        await InForce(VietnamTime.Today(clock)).Select(p => p.Field).Where(f => f != "").Distinct().OrderBy(f => f).ToListAsync(ct);

    public async Task<PublicProcedure?> ProcedureAsync(string code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return null;
        }

        var today = VietnamTime.Today(clock);
        var p = await GetProcedure.GetProcedureEndpoint.LoadAsync(db, code.Trim(), ct);
        if (p is null || !p.IsReceivableOn(today))
        {
            return null;
        }

        // The version valid today, not the head row (which carries the latest version, possibly one not yet in force).
        var version = p.VersionOn(today);
        var channels = version is null
            ? DossierChannels.All.Where(c => c == DossierChannels.Direct || (c == DossierChannels.Online && p.FullyOnline) || (c == DossierChannels.Postal && p.PostalAllowed))
            : DossierChannels.All.Where(c => c == DossierChannels.Direct || version.ChannelsText.Split(';').Contains(c));
        var formFields = ElectronicForm.TryParse(version?.FormSchema, out var form, out _) ? form.Fields.Select(f => f.Title).ToList() : [];
        return new PublicProcedure(
            p.Code, version?.Name ?? p.Name, version?.Field ?? p.Field, (version?.Levels ?? p.Levels).ToList(), version?.ExecutingAgency ?? p.ExecutingAgency,
            channels.ToList(), version?.OnlinePartial ?? p.OnlinePartial,
            await LocationIndependence.LocationIndependence.ListedAsync(db, p.Code, today, ct),
            version?.Number ?? 0, version?.EffectiveFrom, today,
            p.ComponentsOn(today).Select(c => new PublicProcedureComponent(c.Name, c.Required, c.SubmissionForm)).ToList(),
            p.FeesOn(today).OrderBy(f => Array.IndexOf(Channels.All, f.Channel)).Select(f => new PublicProcedureFee(f.Channel, f.Kind, f.AmountVnd, f.Exemption)).ToList(),
            p.LegalTimesOn(today).Select(t => new PublicLegalTime(t.Channel, new LegalTime(t.Value, t.Unit).ToString())).ToList(),
            version?.ResultTypeList.ToList() ?? [],
            formFields);
    }

    public Task<PublicLookupResult> LookupDossierAsync(string code, string identityLastFour, string? clientAddress, CancellationToken ct = default) =>
        lookup.LookupAsync(code, identityLastFour, clientAddress, ct);

    public async Task<KeysetPage<PublicDossierStatus>> ApplicantDossiersAsync(
        string applicantKind, string applicantIdentity, string? cursor, int pageSize, CancellationToken ct = default)
    {
        if (Dossiers.ApplicantDossiers.Of(db, applicantKind, applicantIdentity) is not { } query)
        {
            return new KeysetPage<PublicDossierStatus>([], null);
        }

        var before = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        if (before is { } last)
        {
            query = query.Where(d => d.Id.CompareTo(last) < 0);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(size + 1).Include(d => d.History).AsSplitQuery().ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size, Dossiers.PublicLookup.ToPublic, d => (Guid?)d.Id);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<ApplicantForm>>> ApplicantFormsAsync(
        string applicantKind, string applicantIdentity, IReadOnlyCollection<string> dossierCodes, CancellationToken ct = default) =>
        applicantForms.ListAsync(applicantKind, applicantIdentity, dossierCodes, ct);

    public Task<ApplicantFormFile?> ApplicantFormAsync(
        string applicantKind, string applicantIdentity, string dossierCode, string form, CancellationToken ct = default) =>
        applicantForms.RenderAsync(applicantKind, applicantIdentity, dossierCode, form, ct);

    private IQueryable<Procedure> InForce(DateOnly today) =>
        db.Procedures.AsNoTracking().Where(p => p.AbolishedFrom == null || p.AbolishedFrom > today);

    /// <summary>"Đăng ký  khai sinh" → ["dang", "ky", "khai", "sinh"]: each word must appear, in any order.</summary>
    internal static IReadOnlyList<string> Words(string? q) => string.IsNullOrWhiteSpace(q)
        ? []
        : VietnameseText.Fold(q.Trim()).Split([' ', '\t', ',', '.', ';'], StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords).ToList();
}

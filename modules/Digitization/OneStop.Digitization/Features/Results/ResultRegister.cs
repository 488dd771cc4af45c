using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Features.Results;

/// <summary>What a back-file upload of an old result (số hóa kết quả cũ) says about it besides the file.</summary>
/// <param name="IssuedOn">Ngày ban hành; the day of the upload when not given.</param>
/// <param name="IssuingUnitCode">The issuing unit's code as it was on <paramref name="IssuedOn"/> (a district before 2025-07-01); the uploader's unit when not given.</param>
internal sealed record BackFileResult(DateOnly? IssuedOn, string? IssuingUnitCode);

/// <summary>
/// Writes the register of results issued (<see cref="IssuedResult"/>): a line when a dossier is resolved (the competent
/// resolving unit issues it, on the resolution day, in Vietnam time), a line for an old result digitised from the
/// back-file, and the digitised mark when a result's copy is uploaded. Adds to the context; the caller saves.
/// </summary>
internal sealed class ResultRegister(DigitizationDbContext db, IAdministrativeUnitDirectory units, ICurrentScope scope, TimeProvider clock)
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    /// <summary>The line of a resolved dossier (once, however often the resolution is delivered), digitised if its result already is.</summary>
    public async Task RecordResolvedAsync(DossierRecord record, DossierSnapshot s, CancellationToken ct)
    {
        if (s.ResolvedAt is null || await FindByDossierAsync(s.Id, ct) is not null)
        {
            return;
        }

        // The record has just taken the snapshot's fields (DossierChangedHandler).
        var copy = await db.Documents.IgnoreQueryFilters(Scope)
            .Where(d => d.DossierId == s.Id && d.Kind == DocumentKinds.Result && !d.IsDeleted).OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        db.Results.Add(LineOf(record, await units.FindAsync(IssuingUnitId(record), ct), copy));
    }

    /// <summary>The resolving unit issues a dossier's result; a record from before it was kept names only the receiving unit.</summary>
    public static Guid IssuingUnitId(DossierRecord record) => record.ResolvingUnitId != Guid.Empty ? record.ResolvingUnitId : record.UnitId;

    /// <summary>
    /// A resolved dossier's line: issued by <paramref name="unit"/> (the resolving unit) on the resolution day in Vietnam
    /// time, digitised when its result's first <paramref name="copy"/> was stored. Shared with <see cref="ResultRegisterBackfill"/>.
    /// </summary>
    public static IssuedResult LineOf(DossierRecord record, AdministrativeUnitInfo? unit, DigitizedDocument? copy)
    {
        var fallbackPath = record.ResolvingUnitId != Guid.Empty ? record.ResolvingUnitPath : record.UnitPath;
        var line = new IssuedResult(ResultSources.Dossier, IssuingUnitId(record), unit?.Path ?? fallbackPath, unit?.Level ?? "", unit?.Name ?? "",
            VietnamTime.DayOf(record.ResolvedAt!.Value), $"Kết quả: {record.ProcedureName}", record.ProcedureCode, record.ApplicantIdentity, record.ApplicantName,
            record.Id, record.Code, record.UnitPath);
        if (copy is not null)
        {
            line.Digitised(copy, copy.CreatedAt);
        }

        return line;
    }

    /// <summary>
    /// A result's copy was digitised: the dossier's line is marked; a result with no line yet — an old one from the
    /// back-file, or a dossier resolved before the register existed — gets one, issued by the unit named (or the
    /// uploader's), on the day given (or today).
    /// </summary>
    public async Task DigitisedAsync(DigitizedDocument document, DossierRecord? record, BackFileResult? backFile, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (record is not null && await FindByDossierAsync(record.Id, ct) is { } existing)
        {
            existing.Digitised(document, now);
            return;
        }

        var issuedOn = IssuedOn(record, backFile);
        var unit = await IssuingUnitAsync(backFile?.IssuingUnitCode, record, issuedOn, ct);
        var line = new IssuedResult(record?.ResolvedAt is null ? ResultSources.BackFile : ResultSources.Dossier, unit.Id, unit.Path, unit.Level, unit.Name, issuedOn,
            document.Name, document.ProcedureCode ?? record?.ProcedureCode ?? "", document.ApplicantIdentity, document.ApplicantName, record?.Id, record?.Code ?? document.DossierCode,
            record?.UnitPath ?? document.UnitPath);
        line.Digitised(document, now);
        db.Results.Add(line);
    }

    /// <summary>Refuses, before any file is stored, an old result dated in the future or naming a unit that did not issue then or is out of scope.</summary>
    public async Task CheckAsync(DossierRecord? record, BackFileResult backFile, CancellationToken ct)
    {
        if (record is not null && await FindByDossierAsync(record.Id, ct) is not null)
        {
            return;
        }

        var issuedOn = IssuedOn(record, backFile);
        _ = await IssuingUnitAsync(backFile.IssuingUnitCode, record, issuedOn, ct);
    }

    private DateOnly IssuedOn(DossierRecord? record, BackFileResult? backFile)
    {
        var today = VietnamTime.Today(clock);
        var issuedOn = backFile?.IssuedOn ?? (record?.ResolvedAt is { } resolved ? VietnamTime.DayOf(resolved) : today);
        return issuedOn <= today ? issuedOn : throw new PlatformException(DigitizationErrorCodes.ResultIssuedInFuture, 422);
    }

    private async Task<IssuedResult?> FindByDossierAsync(Guid dossierId, CancellationToken ct) =>
        db.Results.Local.FirstOrDefault(r => r.DossierId == dossierId)
        ?? await db.Results.IgnoreQueryFilters(Scope).FirstOrDefaultAsync(r => r.DossierId == dossierId && !r.IsDeleted, ct);

    /// <summary>
    /// The competent unit: the code named, as it was on the issue day (so a district's code finds the district only
    /// before 2025-07-01), in the uploader's scope; else the dossier's resolving unit; else the uploader's unit.
    /// </summary>
    private async Task<AdministrativeUnitInfo> IssuingUnitAsync(string? code, DossierRecord? record, DateOnly issuedOn, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            var named = await units.FindByCodeAsync(code.Trim(), issuedOn, ct);
            if (named is null || !named.Path.StartsWith(scope.Unit.Path, StringComparison.Ordinal))
            {
                throw new PlatformException(DigitizationErrorCodes.IssuingUnitNotFound, 422, code.Trim(), issuedOn.ToString("dd/MM/yyyy"));
            }

            return named;
        }

        if (record is not null && record.ResolvingUnitId != Guid.Empty && await units.FindAsync(record.ResolvingUnitId, ct) is { } resolving)
        {
            return resolving;
        }

        return await units.FindAsync(scope.Unit.UnitId, ct)
            ?? throw new PlatformException(DigitizationErrorCodes.IssuingUnitNotFound, 422, scope.Unit.Name, issuedOn.ToString("dd/MM/yyyy"));
    }
}

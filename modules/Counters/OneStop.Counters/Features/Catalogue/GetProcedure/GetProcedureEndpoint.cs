using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Catalogue.GetProcedure;

internal sealed record ComponentDto(int Order, string Name, string DocumentTypeCode, bool Required, bool HandMade, string SubmissionForm);

internal sealed record LegalTimeDto(int Version, DateOnly EffectiveFrom, string Channel, decimal Value, string Unit, string Text, string Reason);

internal sealed record FeeDto(string Channel, string Kind, decimal AmountVnd, string Exemption);

/// <summary>A step of the internal process valid on the day asked (<see cref="ProcessStepKinds"/>; the agency by code).</summary>
internal sealed record StepDto(int Order, string Name, decimal BudgetHours, string Kind = ProcessStepKinds.Process, string? AgencyCode = null, DateOnly? EffectiveFrom = null);

/// <summary>A procedure version (ADR 0025): number, effective date, status, where it came from and what changed.</summary>
internal sealed record ProcedureVersionDto(int Number, DateOnly EffectiveFrom, string Status, string SourceKind, string SourceName, IReadOnlyList<string> Changes);

internal sealed record ProcedureDto(
    string Code, string Name, string Field, IReadOnlyList<string> Levels, string ExecutingAgency,
    bool FullyOnline, bool PostalAllowed, bool LocationIndependent, string Source,
    DateOnly? EffectiveFrom, DateOnly? PublishedOn, bool PopulationDataConnected,
    DateOnly LegalTimesOn,
    IReadOnlyList<LegalTimeDto> LegalTimes,
    IReadOnlyList<LegalTimeDto> LegalTimeHistory,
    IReadOnlyList<ComponentDto> Components,
    IReadOnlyList<FeeDto> Fees,
    IReadOnlyList<StepDto> Steps,
    DateOnly? AbolishedFrom,
    IReadOnlyList<ProcedureVersionDto> Versions,
    /// <summary>The version valid on <see cref="LegalTimesOn"/>, whose components, fees, results and e-form are shown (0: none yet).</summary>
    int Version = 0,
    bool OnlinePartial = false,
    IReadOnlyList<string>? ResultTypes = null,
    /// <summary>Biểu mẫu điện tử of that version: its JSON Schema, null when it has none.</summary>
    string? FormSchema = null);

/// <summary>One procedure with its components, fees, steps, the legal times valid on a date and the whole version history.</summary>
internal static class GetProcedureEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/procedures/{code}", Get).RequirePermission(CountersPermissions.CatalogueRead)
            .WithSummary("Chi tiết thủ tục; 'on' (yyyy-MM-dd, mặc định hôm nay) chọn phiên bản thời hạn có hiệu lực");

    internal static async Task<Results<Ok<ProcedureDto>, ProblemHttpResult>> Get(
        CountersDbContext db, TimeProvider clock, string code, DateOnly? on, CancellationToken ct)
    {
        var date = on ?? DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()));
        return await DtoAsync(db, code, date, ct) is { } dto
            ? TypedResults.Ok(dto)
            : CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, CountersMessages.ProcedureCodeNotFound, code);
    }

    /// <summary>The procedure as it stands on <paramref name="on"/>, as the API and the pages show it; null when the code is unknown.</summary>
    internal static async Task<ProcedureDto?> DtoAsync(CountersDbContext db, string code, DateOnly on, CancellationToken ct) =>
        await LoadAsync(db, code, ct) is { } procedure
            ? ToDto(procedure, on, await LocationIndependence.LocationIndependence.ListedAsync(db, procedure.Code, on, ct))
            : null;

    internal static Task<Procedure?> LoadAsync(CountersDbContext db, string code, CancellationToken ct) =>
        db.Procedures.AsNoTracking().AsSplitQuery()
            .Include(p => p.Components).Include(p => p.LegalTimes).Include(p => p.Fees).Include(p => p.Steps)
            .Include(p => p.Versions).ThenInclude(v => v.Components).Include(p => p.Versions).ThenInclude(v => v.Fees)
            .FirstOrDefaultAsync(p => p.Code == code, ct);

    /// <summary>
    /// The procedure as it stands on <paramref name="on"/>: the components, fees, results and e-form of the version valid
    /// that day (ADR 0028), the head's when no version is (an old row before versions).
    /// </summary>
    /// <param name="locationIndependent">Whether a decision in force on <paramref name="on"/> lists it (ADR 0027).</param>
    internal static ProcedureDto ToDto(Procedure p, DateOnly on, bool locationIndependent)
    {
        var version = p.VersionOn(on);
        var handMade = p.Components.Where(c => c.HandMade).Select(c => c.DocumentTypeCode).ToHashSet();
        var components = version is null
            ? p.Components.OrderBy(c => c.Order).Select(c => new ComponentDto(c.Order, c.Name, c.DocumentTypeCode, c.Required, c.HandMade, c.SubmissionForm)).ToList()
            : version.Components.OrderBy(c => c.Order).Select(c => new ComponentDto(c.Order, c.Name, c.DocumentTypeCode, c.Required, handMade.Contains(c.DocumentTypeCode), c.SubmissionForm)).ToList();
        var fees = version is null
            ? p.Fees.Select(f => new FeeDto(f.Channel, f.Kind, f.AmountVnd, f.Exemption)).ToList()
            : version.Fees.Select(f => new FeeDto(f.Channel, f.Kind, f.AmountVnd, f.Exemption)).ToList();
        return new(
            p.Code, version?.Name ?? p.Name, version?.Field ?? p.Field, (version?.Levels ?? p.Levels).ToList(), version?.ExecutingAgency ?? p.ExecutingAgency,
            version?.FullyOnline ?? p.FullyOnline, version?.PostalAllowed ?? p.PostalAllowed,
            locationIndependent, p.Source,
            p.EffectiveFrom, p.PublishedOn, p.PopulationDataConnected,
            on,
            p.LegalTimesOn(on).Select(ToDto).ToList(),
            p.LegalTimes.OrderByDescending(t => t.Version).ThenBy(t => Array.IndexOf(Channels.All, t.Channel)).Select(ToDto).ToList(),
            components,
            fees.OrderBy(f => Array.IndexOf(Channels.All, f.Channel)).ToList(),
            p.StepsOn(on).Select(s => new StepDto(s.Order, s.Name, s.BudgetHours, s.Kind, s.AgencyCode, s.EffectiveFrom)).ToList(),
            p.AbolishedFrom,
            p.Versions.OrderByDescending(v => v.Number)
                .Select(v => new ProcedureVersionDto(v.Number, v.EffectiveFrom, v.Status, v.SourceKind, v.SourceName, v.Changes.Split(';', StringSplitOptions.RemoveEmptyEntries))).ToList(),
            version?.Number ?? 0,
            version?.OnlinePartial ?? p.OnlinePartial,
            version?.ResultTypeList.ToList() ?? [],
            version?.FormSchema);
    }

    private static LegalTimeDto ToDto(ProcedureLegalTime t) =>
        new(t.Version, t.EffectiveFrom, t.Channel, t.Value, t.Unit, new LegalTime(t.Value, t.Unit).ToString(), t.Reason);
}

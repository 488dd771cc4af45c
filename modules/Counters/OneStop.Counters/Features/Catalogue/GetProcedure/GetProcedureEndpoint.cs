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

internal sealed record ComponentDto(int Order, string Name, string DocumentTypeCode, bool Required, bool HandMade);

internal sealed record LegalTimeDto(int Version, DateOnly EffectiveFrom, string Channel, decimal Value, string Unit, string Text, string Reason);

internal sealed record FeeDto(string Channel, string Kind, decimal AmountVnd);

internal sealed record StepDto(int Order, string Name, decimal BudgetHours);

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
    IReadOnlyList<ProcedureVersionDto> Versions);

/// <summary>One procedure with its components, fees, steps, the legal times valid on a date and the whole version history.</summary>
internal static class GetProcedureEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/procedures/{code}", Get).RequirePermission(CountersPermissions.CatalogueRead)
            .WithSummary("Chi tiết thủ tục; 'on' (yyyy-MM-dd, mặc định hôm nay) chọn phiên bản thời hạn có hiệu lực");

    internal static async Task<Results<Ok<ProcedureDto>, ProblemHttpResult>> Get(
        CountersDbContext db, TimeProvider clock, string code, DateOnly? on, CancellationToken ct)
    {
        var procedure = await LoadAsync(db, code, ct);
        if (procedure is null)
        {
            return CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, CountersMessages.ProcedureCodeNotFound, code);
        }

        var date = on ?? DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()));
        return TypedResults.Ok(ToDto(procedure, date, await LocationIndependence.LocationIndependence.ListedAsync(db, code, date, ct)));
    }

    internal static Task<Procedure?> LoadAsync(CountersDbContext db, string code, CancellationToken ct) =>
        db.Procedures.AsNoTracking().AsSplitQuery()
            .Include(p => p.Components).Include(p => p.LegalTimes).Include(p => p.Fees).Include(p => p.Steps).Include(p => p.Versions)
            .FirstOrDefaultAsync(p => p.Code == code, ct);

    /// <param name="locationIndependent">Whether a decision in force on <paramref name="on"/> lists it (ADR 0027).</param>
    internal static ProcedureDto ToDto(Procedure p, DateOnly on, bool locationIndependent) => new(
        p.Code, p.Name, p.Field, p.Levels.ToList(), p.ExecutingAgency, p.FullyOnline, p.PostalAllowed, locationIndependent, p.Source,
        p.EffectiveFrom, p.PublishedOn, p.PopulationDataConnected,
        on,
        p.LegalTimesOn(on).Select(ToDto).ToList(),
        p.LegalTimes.OrderByDescending(t => t.Version).ThenBy(t => Array.IndexOf(Channels.All, t.Channel)).Select(ToDto).ToList(),
        p.Components.OrderBy(c => c.Order).Select(c => new ComponentDto(c.Order, c.Name, c.DocumentTypeCode, c.Required, c.HandMade)).ToList(),
        p.Fees.OrderBy(f => Array.IndexOf(Channels.All, f.Channel)).Select(f => new FeeDto(f.Channel, f.Kind, f.AmountVnd)).ToList(),
        p.Steps.OrderBy(s => s.Order).Select(s => new StepDto(s.Order, s.Name, s.BudgetHours)).ToList(),
        p.AbolishedFrom,
        p.Versions.OrderByDescending(v => v.Number)
            .Select(v => new ProcedureVersionDto(v.Number, v.EffectiveFrom, v.Status, v.SourceKind, v.SourceName, v.Changes.Split(';', StringSplitOptions.RemoveEmptyEntries))).ToList());

    private static LegalTimeDto ToDto(ProcedureLegalTime t) =>
        new(t.Version, t.EffectiveFrom, t.Channel, t.Value, t.Unit, new LegalTime(t.Value, t.Unit).ToString(), t.Reason);
}

using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Kpis;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Features.Cockpit;

internal sealed record KpiDefinitionDto(string Code, string Group, string NameVi, string NameEn, string NumeratorVi, string DenominatorVi, string Measure,
    bool LowerIsBetter, IReadOnlyList<string> Levels, IReadOnlyList<string> Periods, string Module, bool SourcePending, string SourceNote, decimal? MaxPoints,
    decimal? FullAt, string TargetText, IReadOnlyList<KpiTargetDto> Targets, KpiDefinitionText? Definition = null);

internal sealed record KpiTargetDto(int Year, string? Level, decimal Value, Guid? UnitId, string LegalBasis, bool ExcludesEspeciallyDifficult);

/// <summary>
/// A KPI of one unit below: <see cref="NumeratorCount"/> and <see cref="DenominatorCount"/> are the counts behind the
/// figure (null without data, when <see cref="NoDataReasonCode"/> and <see cref="NoDataReason"/> say why).
/// </summary>
internal sealed record ChildValueDto(Guid UnitId, string Code, string Name, string Level, decimal? Value, decimal Numerator, decimal Denominator, decimal? Target, bool? Met, decimal IndexPoints,
    decimal? NumeratorCount = null, decimal? DenominatorCount = null, string? NoDataReasonCode = null, string? NoDataReason = null);

internal sealed record RecomputeRequest(int Year);

internal sealed class RecomputeRequestValidator : AbstractValidator<RecomputeRequest>
{
    public RecomputeRequestValidator() => RuleFor(r => r.Year).InclusiveBetween(2021, 2100).WithErrorCode(EvaluationMessages.RecomputeYearOutOfRange);
}

internal sealed record RecomputeAccepted(string JobId, int Year);

internal static class KpiEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var kpis = api.MapGroup("/kpis");
        kpis.MapGet("/definitions", Definitions).RequirePermission(EvaluationPermissions.KpiRead)
            .WithSummary("Định nghĩa chỉ số (công thức, chỉ tiêu theo năm và cấp, phân hệ tính)");
        kpis.MapGet("/", Values).RequirePermission(EvaluationPermissions.KpiRead)
            .WithSummary("Giá trị các chỉ số của một đơn vị trong một kỳ (2025, 2025-Q3, 2025-07, 2025-07-14); structure=was theo cơ cấu khi đó, is theo đơn vị hiện nay");
        kpis.MapGet("/{code}/units", Children).RequirePermission(EvaluationPermissions.KpiRead)
            .WithSummary("Giá trị một chỉ số theo các đơn vị trực thuộc (xem chi tiết từ tỉnh xuống huyện, xã); structure=was|is");
        kpis.MapGet("/{code}/details", Details).RequirePermission(EvaluationPermissions.Cockpit)
            .WithSummary("Các bản ghi phía sau một chỉ số (hồ sơ, phiếu đánh giá, phản ánh, nhiệm vụ), chưa đạt trước");
        kpis.MapPost("/recompute", Recompute).RequirePermission(EvaluationPermissions.Manage).Validate<RecomputeRequest>().WithIdempotency()
            .WithSummary("Tính lại toàn bộ chỉ số của một năm (chạy nền)");
        api.MapGet("/index766", Index).RequirePermission(EvaluationPermissions.KpiRead)
            .WithSummary("Bộ chỉ số 766 (100 điểm, 6 nhóm) của một đơn vị trong một kỳ; structure=is gồm cả số liệu của các đơn vị tiền thân");
    }

    private static async Task<Ok<IReadOnlyList<KpiDefinitionDto>>> Definitions(KpiQueries queries, KpiGlossary glossary, EvaluationDbContext db, CancellationToken ct)
    {
        var definitions = await queries.DefinitionsAsync(ct);
        var targets = (await db.Targets.AsNoTracking().OrderBy(t => t.Year).ToListAsync(ct)).ToLookup(t => t.Code);
        IReadOnlyList<KpiDefinitionDto> list = definitions.Values.Select(d => new KpiDefinitionDto(d.Code, d.Group, d.NameVi, d.NameEn, d.NumeratorVi, d.DenominatorVi,
            d.Measure, d.LowerIsBetter, d.LevelList, d.PeriodList, d.Module, !queries.ActiveCodes.Contains(d.Code), d.SourceNote, d.MaxPoints, d.FullAt, d.TargetText,
            targets[d.Code].Select(t => new KpiTargetDto(t.Year, t.Level, t.Value, t.UnitId, t.LegalBasis, t.ExcludesEspeciallyDifficult)).ToList(), glossary.Of(d))).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Ok<IReadOnlyList<KpiValue>>> Values(KpiQueries queries, TimeProvider clock, Guid? unitId, string? period, string? structure, CancellationToken ct)
    {
        var unit = await queries.UnitAsync(unitId, ct);
        queries.ViewAs(structure, unit);
        return TypedResults.Ok(await queries.AllValuesAsync(unit, KpiQueries.ParsePeriod(period, clock.GetLocalNow().Year), ct));
    }

    private static async Task<Ok<QualityIndex>> Index(KpiQueries queries, TimeProvider clock, Guid? unitId, string? period, string? structure, CancellationToken ct)
    {
        var unit = await queries.UnitAsync(unitId, ct);
        queries.ViewAs(structure, unit);
        return TypedResults.Ok(await queries.QualityIndexAsync(unit, KpiQueries.ParsePeriod(period, clock.GetLocalNow().Year), ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<ChildValueDto>>, ProblemHttpResult>> Children(
        KpiQueries queries, TimeProvider clock, string code, Guid? unitId, string? period, string? level, string? structure, CancellationToken ct)
    {
        if (!(await queries.DefinitionsAsync(ct)).TryGetValue(code, out var definition))
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(EvaluationErrorCodes.KpiNotFound, 404));
        }

        var unit = await queries.UnitAsync(unitId, ct);
        queries.ViewAs(structure, unit);
        var p = KpiQueries.ParsePeriod(period, clock.GetLocalNow().Year);
        var rows = await queries.ChildrenAsync(unit, p, level, ct);
        var pending = !queries.ActiveCodes.Contains(code);
        IReadOnlyList<ChildValueDto> list = rows.Select(r =>
        {
            var s = r.Snapshots.GetValueOrDefault(code);
            var reason = KpiGlossary.NoDataReason(definition, pending, s, p.Kind, r.Unit.Level);
            return new ChildValueDto(r.Unit.Id, r.Unit.Code, r.Unit.Name, r.Unit.Level, s?.Value, s?.Numerator ?? 0, s?.Denominator ?? 0, s?.Target, s?.Met, r.IndexPoints,
                s?.Numerator, s is null || definition.Measure == KpiMeasures.Count ? null : s.Denominator, reason, reason is null ? null : Messages.Text(reason));
        }).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<IReadOnlyList<KpiDetailRow>>, ProblemHttpResult>> Details(
        KpiQueries queries, TimeProvider clock, string code, Guid? unitId, string? period, int? take, CancellationToken ct)
    {
        if (!(await queries.DefinitionsAsync(ct)).ContainsKey(code))
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(EvaluationErrorCodes.KpiNotFound, 404));
        }

        var unit = await queries.UnitAsync(unitId, ct);
        return TypedResults.Ok(await queries.DetailsAsync(code, unit, KpiQueries.ParsePeriod(period, clock.GetLocalNow().Year), Math.Clamp(take ?? 100, 1, 500), ct));
    }

    private static Accepted<RecomputeAccepted> Recompute(IBackgroundJobClient jobs, RecomputeRequest request)
    {
        var id = jobs.Enqueue<KpiEngine>(e => e.RecomputeYearAsync(request.Year, CancellationToken.None));
        return TypedResults.Accepted($"/jobs/jobs/details/{id}", new RecomputeAccepted(id, request.Year));
    }
}

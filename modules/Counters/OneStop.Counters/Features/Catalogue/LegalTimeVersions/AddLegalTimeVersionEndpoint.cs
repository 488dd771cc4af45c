using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.LegalTimeVersions;

internal sealed record ChannelTimeDto(string Channel, decimal Value, string Unit);

/// <summary>A change of legal time: a new version for every channel, effective from a date, with the reason (e.g. the decision).</summary>
internal sealed record AddLegalTimeVersionRequest(DateOnly EffectiveFrom, string Reason, IReadOnlyList<ChannelTimeDto> Times);

internal sealed class AddLegalTimeVersionRequestValidator : AbstractValidator<AddLegalTimeVersionRequest>
{
    public AddLegalTimeVersionRequestValidator()
    {
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 1000).WithErrorCode(CountersMessages.LegalTimeReasonRequired);
        RuleFor(r => r.Times).Must(t => t is { Count: > 0 }).WithErrorCode(CountersMessages.LegalTimesRequired)
            .DependentRules(() =>
            {
                RuleFor(r => r.Times).Must(t => t.All(x => Channels.All.Contains(x.Channel)) && t.Select(x => x.Channel).Distinct().Count() == t.Count)
                    .WithErrorCode(CountersMessages.LegalTimeChannelsOnce);
                RuleFor(r => r.Times).Must(t => t.All(x => x.Value is > 0 and <= 3650 && LegalTimeUnits.All.Contains(x.Unit)))
                    .WithErrorCode(CountersMessages.LegalTimeValueInvalid);
            });
    }
}

internal static class AddLegalTimeVersionEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapPost("/procedures/{code}/legal-times", Add).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<AddLegalTimeVersionRequest>().WithIdempotency()
            .WithSummary("Thêm phiên bản thời hạn giải quyết có hiệu lực từ một ngày (hồ sơ nhận trước ngày đó giữ thời hạn cũ)");

    internal static async Task<Results<Created<ProcedureDto>, ProblemHttpResult>> Add(
        CountersDbContext db, string code, AddLegalTimeVersionRequest request, CancellationToken ct)
    {
        var procedure = await db.Procedures.Include(p => p.LegalTimes).Include(p => p.Versions).Include(p => p.Fees).Include(p => p.Components).AsSplitQuery().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, CountersMessages.ProcedureCodeNotFound, code);
        }

        var latest = CatalogueSync.LatestEffectiveFrom(procedure);
        if (latest is { } last && request.EffectiveFrom <= last)
        {
            return CountersProblems.Problem(CountersErrorCodes.LegalTimeVersionOutOfOrder, StatusCodes.Status409Conflict, CountersMessages.LegalTimeVersionAfter, last);
        }

        // One numbering for procedure versions and their legal times (ADR 0025): a legal-time change is a new version.
        var version = procedure.LatestVersionNumber + 1;
        var status = procedure.AbolishedFrom is null ? ProcedureVersionStatuses.Active : ProcedureVersionStatuses.Abolished;
        db.ProcedureVersions.Add(CatalogueSync.Snapshot(procedure, version, request.EffectiveFrom, status,
            new CatalogueSource(ProcedureVersionSources.Manual, request.Reason.Trim(), ""), CatalogueSync.LegalTimeChange));
        foreach (var t in request.Times)
        {
            db.ProcedureLegalTimes.Add(new ProcedureLegalTime
            {
                ProcedureId = procedure.Id, Version = version, EffectiveFrom = request.EffectiveFrom,
                Channel = t.Channel, Value = t.Value, Unit = t.Unit, Reason = request.Reason.Trim(),
            });
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/counters/catalogue/procedures/{code}", (await GetProcedureEndpoint.DtoAsync(db, code, request.EffectiveFrom, ct))!);
    }
}

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
internal sealed record AddLegalTimeVersionRequest(DateOnly EffectiveFrom, string Reason, IReadOnlyList<ChannelTimeDto> Times) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 1000)
        {
            yield return new(nameof(Reason), "Lý do (căn cứ thay đổi thời hạn) bắt buộc, tối đa 1000 ký tự.");
        }

        if (Times is null || Times.Count == 0)
        {
            yield return new(nameof(Times), "Cần ít nhất một thời hạn theo kênh nộp.");
            yield break;
        }

        if (Times.Any(t => !Channels.All.Contains(t.Channel)) || Times.Select(t => t.Channel).Distinct().Count() != Times.Count)
        {
            yield return new(nameof(Times), $"Mỗi kênh ({string.Join(", ", Channels.All)}) chỉ xuất hiện một lần.");
        }

        if (Times.Any(t => t.Value <= 0 || t.Value > 3650 || !LegalTimeUnits.All.Contains(t.Unit)))
        {
            yield return new(nameof(Times), $"Thời hạn phải là số dương, đơn vị là một trong: {string.Join(", ", LegalTimeUnits.All)}.");
        }
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
        var procedure = await db.Procedures.Include(p => p.LegalTimes).FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, $"Không tìm thấy thủ tục '{code}'.");
        }

        var latest = procedure.LegalTimes.Select(t => (DateOnly?)t.EffectiveFrom).Max();
        if (latest is { } last && request.EffectiveFrom <= last)
        {
            return CountersProblems.Problem(CountersErrorCodes.LegalTimeVersionOutOfOrder,
                $"Phiên bản mới phải có hiệu lực sau ngày {last:dd/MM/yyyy} của phiên bản hiện hành.", StatusCodes.Status409Conflict);
        }

        var version = procedure.CurrentVersion + 1;
        foreach (var t in request.Times)
        {
            db.ProcedureLegalTimes.Add(new ProcedureLegalTime
            {
                ProcedureId = procedure.Id, Version = version, EffectiveFrom = request.EffectiveFrom,
                Channel = t.Channel, Value = t.Value, Unit = t.Unit, Reason = request.Reason.Trim(),
            });
        }

        await db.SaveChangesAsync(ct);
        var saved = await GetProcedureEndpoint.LoadAsync(db, code, ct);
        return TypedResults.Created($"/api/v1/counters/catalogue/procedures/{code}", GetProcedureEndpoint.ToDto(saved!, request.EffectiveFrom));
    }
}

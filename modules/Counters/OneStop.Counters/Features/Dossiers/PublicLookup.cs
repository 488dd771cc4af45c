using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Persistence;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Tra cứu tình trạng hồ sơ (no login): by the dossier code printed on the receipt (Mẫu 01) and the last four digits of
/// the applicant's identity number (or enterprise code), so a code read over someone's shoulder or guessed in sequence
/// tells nothing. Wrong tries are throttled per code and per address (<see cref="PublicLookupThrottle"/>, ADR 0042).
/// </summary>
internal sealed class PublicLookup(CountersDbContext db, PublicLookupThrottle throttle)
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/public/dossiers/{code}", Lookup).AllowAnonymous().WithTags("Tra cứu công khai")
            .WithSummary("Tra cứu tình trạng hồ sơ theo mã hồ sơ và 4 số cuối giấy tờ tùy thân của người nộp (không cần đăng nhập; không trả thông tin định danh; sai quá 10 lần thì tạm khóa)");

    internal static async Task<Results<Ok<PublicDossierStatus>, ProblemHttpResult>> Lookup(
        string code, string? last4, HttpContext http, PublicLookup lookup, CancellationToken ct)
    {
        if (!IsLastFour(last4))
        {
            return CountersProblems.Problem(CountersErrorCodes.PublicLookupDigitsInvalid, StatusCodes.Status400BadRequest, CountersMessages.PublicLookupDigitsInvalid);
        }

        var result = await lookup.LookupAsync(code, last4!, http.Connection.RemoteIpAddress?.ToString(), ct);
        switch (result.Outcome)
        {
            case PublicLookupOutcome.Found:
                return TypedResults.Ok(result.Status!);
            case PublicLookupOutcome.Throttled:
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((result.RetryAfter!.Value - DateTimeOffset.UtcNow).TotalSeconds)).ToString();
                return CountersProblems.Problem(CountersErrorCodes.PublicLookupThrottled, StatusCodes.Status429TooManyRequests, CountersMessages.PublicLookupThrottled);
            default:
                return CountersProblems.NotFound(CountersErrorCodes.DossierNotFound, CountersMessages.PublicDossierNotFound);
        }
    }

    /// <summary>Exactly four digits.</summary>
    public static bool IsLastFour(string? digits) => digits is { Length: 4 } && digits.All(char.IsAsciiDigit);

    public async Task<PublicLookupResult> LookupAsync(string code, string identityLastFour, string? clientAddress, CancellationToken ct)
    {
        code = (code ?? "").Trim().ToUpperInvariant();
        var keys = PublicLookupThrottle.Keys(code, clientAddress);
        if (await throttle.BlockedUntilAsync(keys, ct) is { } until)
        {
            return new PublicLookupResult(PublicLookupOutcome.Throttled, RetryAfter: until);
        }

        var status = IsLastFour(identityLastFour) ? await FindAsync(code, identityLastFour, ct) : null;
        if (status is null)
        {
            await throttle.RecordFailureAsync(keys, ct);
            return new PublicLookupResult(PublicLookupOutcome.NotFound);
        }

        await throttle.ForgetAsync(PublicLookupThrottle.CodeKey(code), ct);
        return new PublicLookupResult(PublicLookupOutcome.Found, status);
    }

    /// <summary>Anonymous: the scope filter is lifted for this one exact-code read only, and the identity tail must match.</summary>
    private async Task<PublicDossierStatus?> FindAsync(string code, string identityLastFour, CancellationToken ct)
    {
        if (code.Length is < 10 or > 40)
        {
            return null;
        }

        var d = await db.Dossiers.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]).AsNoTracking().Include(x => x.History)
            .FirstOrDefaultAsync(x => x.Code == code, ct);
        return d is null || !d.ApplicantIdentity.Trim().EndsWith(identityLastFour, StringComparison.Ordinal) ? null : ToPublic(d);
    }

    /// <summary>What the applicant may see of a dossier (its history included): status, dates, the name masked, no identity data.</summary>
    public static PublicDossierStatus ToPublic(Dossier d) => new(
        d.Code, d.ProcedureName, d.Status, DossierStatuses.NameVi(d.Status), Mask(d.ApplicantName), d.ReceivingUnitName,
        d.SubmittedAt, d.ReceivedAt, d.DueAt, d.ResolvedAt, d.ReturnedAt, d.IsClockStopped,
        d.History.OrderBy(h => h.At).Select(h => new PublicDossierStep(h.At, DossierText.TransitionVi(h.Transition))).ToList());

    /// <summary>"Nguyễn Văn An" → "N*** V** An": enough for the applicant to recognise, not to identify.</summary>
    public static string Mask(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts.Select((p, i) => i == parts.Length - 1 ? p : p[0] + new string('*', Math.Max(1, p.Length - 1))));
    }
}

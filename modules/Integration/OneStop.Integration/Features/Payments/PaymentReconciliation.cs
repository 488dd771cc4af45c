using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Integration.Contracts;
using OneStop.Integration.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using PlatformTime = OneStop.Platform.Domain.VietnamTime;

namespace OneStop.Integration.Features.Payments;

/// <summary>One line of the platform's daily statement (sao kê).</summary>
internal sealed record StatementLine(string Reference, string TransactionId, long Amount, DateTimeOffset PaidAt);

/// <summary>A mismatch as an administrator reads it.</summary>
internal sealed record PaymentMismatchDto(DateOnly Day, string Reference, string Kind, decimal? OurAmountVnd, decimal? PlatformAmountVnd, string? TransactionId, DateTimeOffset FoundAt);

/// <summary>
/// Đối soát hằng ngày (ADR 0049): at 02:00 Vietnam time, the platform's statement of yesterday is compared with the
/// payments we recorded as paid that day; a payment only one side has, or with another amount, is recorded as a
/// mismatch for the administrators (<c>GET /api/v1/integration/payments/mismatches</c>). Re-running a day adds nothing new.
/// </summary>
internal sealed class PaymentReconciliation(
    IntegrationDbContext db, ICurrentScope scope, IHttpClientFactory http, PaymentSettings settings, TimeProvider clock, ILogger<PaymentReconciliation> logger)
{
    public const string JobId = "integration-payment-reconciliation";

    public Task<int> RunAsync(CancellationToken ct) => ReconcileAsync(PlatformTime.Today(clock).AddDays(-1), ct);

    /// <summary>Compares <paramref name="day"/> (Vietnam time) and answers how many new mismatches were recorded.</summary>
    public async Task<int> ReconcileAsync(DateOnly day, CancellationToken ct)
    {
        var client = http.CreateClient(PaymentSettings.HttpClientName);
        var statement = await client.GetFromJsonAsync<List<StatementLine>>(
            new Uri(settings.BaseAddress, "statement?date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ct) ?? [];
        var (start, end) = PlatformTime.DayRange(day, day);
        var ours = await db.OnlinePayments.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == OnlinePayment.Paid && p.PaidAt >= start && p.PaidAt < end && !p.IsDeleted)
            .ToDictionaryAsync(p => p.Reference, ct);
        var theirs = statement.GroupBy(l => l.Reference).ToDictionary(g => g.Key, g => g.First());
        // A payment the platform lists for this day that we recorded on another day (a late callback) is no mismatch.
        var elsewhere = await db.OnlinePayments.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == OnlinePayment.Paid && theirs.Keys.Contains(p.Reference) && !(p.PaidAt >= start && p.PaidAt < end))
            .ToDictionaryAsync(p => p.Reference, ct);

        var found = new List<PaymentMismatch>();
        foreach (var (reference, line) in theirs)
        {
            var mine = ours.GetValueOrDefault(reference) ?? elsewhere.GetValueOrDefault(reference);
            if (mine is null)
            {
                found.Add(new() { Day = day, Reference = reference, Kind = PaymentMismatch.MissingHere, PlatformAmountVnd = line.Amount, TransactionId = line.TransactionId });
            }
            else if (mine.AmountVnd != line.Amount)
            {
                found.Add(new() { Day = day, Reference = reference, Kind = PaymentMismatch.AmountDiffers, OurAmountVnd = mine.AmountVnd, PlatformAmountVnd = line.Amount, TransactionId = line.TransactionId });
            }
        }

        foreach (var (reference, mine) in ours.Where(o => !theirs.ContainsKey(o.Key)))
        {
            found.Add(new() { Day = day, Reference = reference, Kind = PaymentMismatch.MissingOnPlatform, OurAmountVnd = mine.AmountVnd, TransactionId = mine.TransactionId });
        }

        var known = await db.PaymentMismatches.AsNoTracking().Where(m => m.Day == day).Select(m => m.Reference + "|" + m.Kind).ToListAsync(ct);
        var fresh = found.Where(f => !known.Contains(f.Reference + "|" + f.Kind)).ToList();
        if (fresh.Count > 0)
        {
            using var _ = scope.Change(UnitScope.Unrestricted, null, "doi-soat-thanh-toan");
            var now = clock.GetUtcNow();
            fresh.ForEach(f => f.FoundAt = now);
            db.PaymentMismatches.AddRange(fresh);
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Payment reconciliation of {Day}: {Count} new mismatches", day, fresh.Count);
        }

        return fresh.Count;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payments/mismatches", ListAsync).RequirePermission(IntegrationPermissions.ExchangesRead)
            .WithSummary("Chênh lệch đối soát thanh toán trực tuyến với nền tảng thanh toán (mới nhất trước)");

    internal static async Task<IResult> ListAsync(DateOnly? day, IntegrationDbContext db, CancellationToken ct)
    {
        var query = db.PaymentMismatches.AsNoTracking();
        if (day is { } d)
        {
            query = query.Where(m => m.Day == d);
        }

        var items = await query.OrderByDescending(m => m.Day).ThenBy(m => m.Reference).Take(500)
            .Select(m => new PaymentMismatchDto(m.Day, m.Reference, m.Kind, m.OurAmountVnd, m.PlatformAmountVnd, m.TransactionId, m.FoundAt))
            .ToListAsync(ct);
        return Results.Ok(items);
    }
}

using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Counts wrong public look-ups per dossier code and per client address in the kernel's <c>platform.SignInThrottles</c>
/// (keys <c>lookup-code:</c>, <c>lookup-address:</c>), so every host instance sees the same count (ADR 0042). After
/// <see cref="PublicLookupLimits.FreeTries"/> wrong tries on a code (<see cref="PublicLookupLimits.FreeTriesPerAddress"/> from
/// an address) the key is blocked for <see cref="PublicLookupLimits.Block"/>,
/// and each further wrong try blocks it again; a day without a wrong try forgives the past ones. Read-modify-write like
/// <see cref="SignInThrottler"/>: two instances failing the same key in the same instant may count it once.
/// </summary>
internal sealed class PublicLookupThrottle(PlatformDbContext db, TimeProvider clock)
{
    private const string CodePrefix = "lookup-code:";
    private const string AddressPrefix = "lookup-address:";

    public static string CodeKey(string code) => Key(CodePrefix, code);

    public static IReadOnlyList<string> Keys(string code, string? address) =>
        string.IsNullOrEmpty(address) ? [CodeKey(code)] : [CodeKey(code), Key(AddressPrefix, address)];

    public async Task<DateTimeOffset?> BlockedUntilAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var blocks = await db.SignInThrottles.AsNoTracking().Where(t => keys.Contains(t.Key) && t.BlockedUntil != null)
            .Select(t => t.BlockedUntil!.Value).ToListAsync(ct);
        var latest = blocks.Where(b => b > now).DefaultIfEmpty().Max();
        return latest > now ? latest : null;
    }

    public async Task RecordFailureAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.SignInThrottles.Where(t => keys.Contains(t.Key)).ToDictionaryAsync(t => t.Key, ct);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (!rows.TryGetValue(key, out var row))
            {
                row = new SignInThrottle { Key = key };
                db.SignInThrottles.Add(row);
            }
            else if (now - row.LastFailureAt >= SignInThrottler.Forgiveness)
            {
                row.Failures = 0;
                row.BlockedUntil = null;
            }

            row.Failures++;
            row.LastFailureAt = now;
            if (row.Failures >= (key.StartsWith(AddressPrefix, StringComparison.Ordinal) ? PublicLookupLimits.FreeTriesPerAddress : PublicLookupLimits.FreeTries))
            {
                row.BlockedUntil = now + PublicLookupLimits.Block;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the same key first: its count stands.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A right answer forgets the code's wrong tries (never the address's).</summary>
    public Task ForgetAsync(string key, CancellationToken ct) => db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);

    private static string Key(string prefix, string value) => prefix + (value.Length > 200 ? value[..200] : value);
}

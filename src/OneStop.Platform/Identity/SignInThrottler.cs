using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Identity;

/// <summary>
/// Counts failed sign-ins per key (<c>login:</c>, <c>address:</c>, <c>client:</c>, <c>device:</c>) in <c>platform.SignInThrottles</c>.
/// The first <see cref="FreeFailures"/> failures cost nothing; each further one blocks the key for twice as long as
/// the last, at most <see cref="MaxBlock"/>. Nothing locks an account: a blocked attempt is simply not checked, and
/// the wait ends by itself or when an admin lifts it.
/// </summary>
public sealed class SignInThrottler(PlatformDbContext db, TimeProvider clock)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan MaxBlock = TimeSpan.FromMinutes(15);

    /// <summary>A day without failure forgives the past ones.</summary>
    public static readonly TimeSpan Forgiveness = TimeSpan.FromHours(24);

    public static string LoginKey(string normalizedLogin) => Key("login:", normalizedLogin);
    public static string AddressKey(string address) => Key("address:", address);
    public static string ClientKey(string clientId) => Key("client:", clientId);
    public static string DeviceKey(string deviceId) => Key("device:", deviceId);

    /// <summary>When the latest block among <paramref name="keys"/> ends, or null when none is blocked now.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var blocks = await db.SignInThrottles.AsNoTracking()
            .Where(t => keys.Contains(t.Key) && t.BlockedUntil != null)
            .Select(t => t.BlockedUntil!.Value).ToListAsync(ct);
        var latest = blocks.Where(b => b > now).DefaultIfEmpty().Max();
        return latest > now ? latest : null;
    }

    /// <summary>
    /// Counts one failure on each key. Read-modify-write: two instances failing the same key in the same instant
    /// may count it once, which only delays a block by one attempt.
    /// </summary>
    public Task RecordFailureAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default) =>
        RecordFailureAsync(keys, (_, failures) => failures > FreeFailures
            ? TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(failures - FreeFailures, 20)), MaxBlock.TotalSeconds))
            : null, ct);

    /// <summary>
    /// Counts one failure on each key and blocks it for what <paramref name="blockFor"/> says of its count (null: not
    /// yet) — the one mechanism for every throttle kept in this table (sign-in, the public look-up).
    /// </summary>
    public async Task RecordFailureAsync(IReadOnlyCollection<string> keys, Func<string, int, TimeSpan?> blockFor, CancellationToken ct = default)
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
            else if (now - row.LastFailureAt >= Forgiveness)
            {
                row.Failures = 0;
                row.BlockedUntil = null;
            }

            row.Failures++;
            row.LastFailureAt = now;
            if (blockFor(key, row.Failures) is { } block)
            {
                row.BlockedUntil = now + block;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the same key first: its count stands, this failure is not counted twice.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A successful sign-in forgets the key's failures (the login's, never the address's).</summary>
    public Task ForgetAsync(string key, CancellationToken ct = default) =>
        db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);

    /// <summary>An admin's "unlock": the person may try again at once, whatever strangers did.</summary>
    public Task LiftAsync(string login, CancellationToken ct = default) =>
        ForgetAsync(LoginKey(Normalize(login)), ct);

    /// <summary>The same normalisation as Identity's default (upper-case invariant), so the keys match its lookups.</summary>
    public static string Normalize(string login) => login.Trim().Normalize().ToUpperInvariant();

    private static string Key(string prefix, string value) =>
        prefix + (value.Length > 256 ? value[..256] : value);
}

using OneStop.Counters.Contracts;
using OneStop.Platform.Identity;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Counts wrong public look-ups per dossier code and per client address in the kernel's <c>platform.SignInThrottles</c>
/// (keys <c>lookup-code:</c>, <c>lookup-address:</c>), so every host instance sees the same count (ADR 0042). After
/// <see cref="PublicLookupLimits.FreeTries"/> wrong tries on a code (<see cref="PublicLookupLimits.FreeTriesPerAddress"/> from
/// an address) the key is blocked for <see cref="PublicLookupLimits.Block"/>,
/// and each further wrong try blocks it again; a day without a wrong try forgives the past ones. Read-modify-write like
/// <see cref="SignInThrottler"/>: two instances failing the same key in the same instant may count it once.
/// </summary>
internal sealed class PublicLookupThrottle(SignInThrottler throttle)
{
    private const string CodePrefix = "lookup-code:";
    private const string AddressPrefix = "lookup-address:";

    public static string CodeKey(string code) => Key(CodePrefix, code);

    public static IReadOnlyList<string> Keys(string code, string? address) =>
        string.IsNullOrEmpty(address) ? [CodeKey(code)] : [CodeKey(code), Key(AddressPrefix, address)];

    public Task<DateTimeOffset?> BlockedUntilAsync(IReadOnlyCollection<string> keys, CancellationToken ct) => throttle.BlockedUntilAsync(keys, ct);

    /// <summary>The kernel's mechanism with the look-up's rule: blocked from the limit on, each wrong try again.</summary>
    public Task RecordFailureAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        throttle.RecordFailureAsync(keys, (key, failures) =>
            failures >= (key.StartsWith(AddressPrefix, StringComparison.Ordinal) ? PublicLookupLimits.FreeTriesPerAddress : PublicLookupLimits.FreeTries)
                ? PublicLookupLimits.Block
                : null, ct);

    /// <summary>A right answer forgets the code's wrong tries (never the address's).</summary>
    public Task ForgetAsync(string key, CancellationToken ct) => throttle.ForgetAsync(key, ct);

    private static string Key(string prefix, string value) => prefix + (value.Length > 200 ? value[..200] : value);
}

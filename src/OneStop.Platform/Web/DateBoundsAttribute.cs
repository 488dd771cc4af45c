namespace OneStop.Platform.Web;

/// <summary>
/// A request field (or endpoint parameter) whose dates may lie outside the kernel's 1900–2100 (ADR 0034), e.g. an old
/// register's entries; <see cref="InputLimits"/> checks it against these bounds instead (ISO dates, yyyy-MM-dd).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DateBoundsAttribute(string min, string max) : Attribute
{
    public DateOnly Min { get; } = DateOnly.ParseExact(min, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public DateOnly Max { get; } = DateOnly.ParseExact(max, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

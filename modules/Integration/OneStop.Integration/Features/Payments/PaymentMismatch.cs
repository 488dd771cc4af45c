using OneStop.Platform.Domain;

namespace OneStop.Integration.Features.Payments;

/// <summary>
/// Chênh lệch đối soát: what the daily reconciliation found different between the platform's statement of a day and
/// our records — a payment only one side has, or a different amount. One row per day, reference and kind, so a
/// second run of the same day adds nothing.
/// </summary>
internal sealed class PaymentMismatch : Entity
{
    /// <summary>The platform lists it as paid, we have no paid record (a callback lost or refused).</summary>
    public const string MissingHere = "MISSING_HERE";
    /// <summary>We recorded it as paid, the platform's statement does not list it.</summary>
    public const string MissingOnPlatform = "MISSING_ON_PLATFORM";
    /// <summary>Both sides have it, with different amounts.</summary>
    public const string AmountDiffers = "AMOUNT_DIFFERS";

    public DateOnly Day { get; set; }
    public string Reference { get; set; } = "";
    public string Kind { get; set; } = "";
    public decimal? OurAmountVnd { get; set; }
    public decimal? PlatformAmountVnd { get; set; }
    public string? TransactionId { get; set; }
    public DateTimeOffset FoundAt { get; set; }
}

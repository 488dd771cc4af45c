namespace OneStop.Counters.Contracts;

/// <summary>How fees, charges or a financial obligation were paid (hình thức thanh toán).</summary>
public static class PaymentMethods
{
    /// <summary>Online, through the payment platform of the public service portal (Decision 766, indicator 4.1).</summary>
    public const string Online = "ONLINE";
    /// <summary>At the desk (cash, card or transfer at the counter).</summary>
    public const string Desk = "DESK";
    /// <summary>Collected by the public postal service.</summary>
    public const string Postal = "POSTAL";

    public static readonly string[] All = [Online, Desk, Postal];
}

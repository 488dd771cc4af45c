namespace OneStop.Integration.Contracts;

/// <summary>Stable error codes of the Integration module, returned in ProblemDetails "code".</summary>
public static class IntegrationErrorCodes
{
    public const string Prefix = "Integration.";
    public const string SystemUnavailable = "Integration.SystemUnavailable";
    public const string InvalidCitizenId = "Integration.InvalidCitizenId";
    public const string UnknownSystem = "Integration.UnknownSystem";
    public const string NotFound = "Integration.NotFound";
    /// <summary>The national register has no such citizen, enterprise, parcel or data store (404; "outcome" and "message" say which).</summary>
    public const string NotInRegister = "Integration.NotInRegister";
    /// <summary>An enterprise code or certificate number that no register could hold (empty, too long, odd characters).</summary>
    public const string InvalidLookupKey = "Integration.InvalidLookupKey";
    /// <summary>A file attached on the national portal that the upload guard refused (the submission goes to review).</summary>
    public const string PortalFileRefused = "Integration.PortalFileRefused";

    /// <summary>A payment callback whose HMAC-SHA256 signature does not match (ADR 0049); nothing is recorded.</summary>
    public const string PaymentSignatureInvalid = "Integration.Payments.SignatureInvalid";
    /// <summary>A payment callback for a reference we never created an order for.</summary>
    public const string PaymentUnknownReference = "Integration.Payments.UnknownReference";
    /// <summary>A payment callback whose amount is not the order's.</summary>
    public const string PaymentAmountMismatch = "Integration.Payments.AmountMismatch";
    /// <summary>A second, different transaction for an order already paid.</summary>
    public const string PaymentAlreadyPaid = "Integration.Payments.AlreadyPaid";
    /// <summary>The payment platform could not create the order (down, or refused it).</summary>
    public const string PaymentUnavailable = "Integration.Payments.Unavailable";
}

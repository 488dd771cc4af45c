namespace OneStop.Counters.Contracts;

/// <summary>The stable codes (ProblemDetails and messages, ADR 0020) of a signed-in applicant's own actions (ADR 0050).</summary>
public static class ApplicantActionCodes
{
    private const string Prefix = "Counters.Applicant.";

    /// <summary>A supplement file the upload guard refused (its own message says why); nothing was kept.</summary>
    public const string UploadRejected = Prefix + "UploadRejected";

    /// <summary>A supplement sent without any file.</summary>
    public const string SupplementFilesRequired = Prefix + "SupplementFilesRequired";

    /// <summary>More files than one supplement takes.</summary>
    public const string SupplementTooManyFiles = Prefix + "SupplementTooManyFiles";

    /// <summary>A note longer than the history keeps.</summary>
    public const string NoteTooLong = Prefix + "NoteTooLong";

    /// <summary>A withdrawal without its reason (or one too long).</summary>
    public const string WithdrawalReasonRequired = Prefix + "WithdrawalReasonRequired";
}

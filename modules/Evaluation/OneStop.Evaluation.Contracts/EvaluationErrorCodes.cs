namespace OneStop.Evaluation.Contracts;

/// <summary>Stable error codes of the Evaluation module, returned in ProblemDetails "code".</summary>
public static class EvaluationErrorCodes
{
    public const string Prefix = "Evaluation.";
    public const string DossierNotFound = Prefix + "DossierNotFound";
    public const string AlreadyRated = Prefix + "AlreadyRated";
    public const string NotYetRateable = Prefix + "NotYetRateable";
    public const string ComplaintNotFound = Prefix + "ComplaintNotFound";
    public const string ComplaintAlreadyResolved = Prefix + "ComplaintAlreadyResolved";
    public const string KpiNotFound = Prefix + "KpiNotFound";
    public const string UnitNotFound = Prefix + "UnitNotFound";
    public const string InvalidPeriod = Prefix + "InvalidPeriod";
    public const string InvalidStructure = Prefix + "InvalidStructure";
    public const string NoSnapshot = Prefix + "NoSnapshot";
    public const string TargetNotFound = Prefix + "TargetNotFound";
}

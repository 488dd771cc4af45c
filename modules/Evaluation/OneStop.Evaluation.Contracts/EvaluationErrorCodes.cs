namespace OneStop.Evaluation.Contracts;

/// <summary>Stable error codes of the Evaluation module, returned in ProblemDetails "code".</summary>
public static class EvaluationErrorCodes
{
    public const string Prefix = "Evaluation.";
}

namespace OneStop.Training.Contracts;

/// <summary>Stable error codes of the Training module, returned in ProblemDetails "code".</summary>
public static class TrainingErrorCodes
{
    public const string Prefix = "Training.";
}

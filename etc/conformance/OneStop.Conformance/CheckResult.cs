namespace OneStop.Conformance;

public enum CheckOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One line of the report.</summary>
public sealed record CheckResult(string Area, string Check, CheckOutcome Outcome, string Detail);

namespace OneStop.Counters.Contracts;

/// <summary>Stable error codes of the Counters module, returned in ProblemDetails "code".</summary>
public static class CountersErrorCodes
{
    public const string Prefix = "Counters.";

    /// <summary>The working calendar has no data for a year the computation needs.</summary>
    public const string CalendarNotCovered = Prefix + "CalendarNotCovered";

    /// <summary>A day off already exists on that date.</summary>
    public const string DayOffExists = Prefix + "DayOffExists";

    public const string DayOffNotFound = Prefix + "DayOffNotFound";

    public const string ProcedureNotFound = Prefix + "ProcedureNotFound";

    /// <summary>Step budgets add up to more than the procedure's legal time.</summary>
    public const string StepBudgetsExceedLegalTime = Prefix + "StepBudgetsExceedLegalTime";

    /// <summary>Step budgets cannot be checked: the procedure has no legal time in working time.</summary>
    public const string LegalTimeUnknown = Prefix + "LegalTimeUnknown";

    /// <summary>A new legal-time version must take effect after the latest one.</summary>
    public const string LegalTimeVersionOutOfOrder = Prefix + "LegalTimeVersionOutOfOrder";
}

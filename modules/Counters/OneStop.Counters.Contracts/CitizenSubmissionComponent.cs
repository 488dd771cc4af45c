namespace OneStop.Counters.Contracts;

/// <summary>A component (thành phần hồ sơ) the procedure asks for, by its document type.</summary>
public sealed record CitizenSubmissionComponent(string DocumentTypeCode, string Name, bool Required);

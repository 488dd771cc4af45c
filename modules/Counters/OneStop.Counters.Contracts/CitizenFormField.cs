namespace OneStop.Counters.Contracts;

/// <summary>One field of a procedure's e-form, as a page renders it (Type: text, longtext, date, email, integer, number, boolean, choice).</summary>
public sealed record CitizenFormField(string Key, string Title, string? Description, string Type, bool Required, IReadOnlyList<string> Options);

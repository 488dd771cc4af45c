namespace OneStop.Platform.People;

/// <summary>One audited change to a person, a membership or a role grant, read from the audit chain.</summary>
public sealed record PersonHistoryEntry(DateTimeOffset Time, string Actor, string EntityType, string Action, string? Before, string? After);

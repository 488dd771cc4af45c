namespace OneStop.Evaluation.Contracts;

/// <summary>A citizen's complaint (phản ánh, kiến nghị) as they see it: what they wrote, where it went, the answer once given.</summary>
public sealed record CitizenComplaint(
    string Code, string? DossierCode, string Subject, string Content, string UnitName, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
    DateTimeOffset? AnsweredAt, string? Outcome, string? Answer);

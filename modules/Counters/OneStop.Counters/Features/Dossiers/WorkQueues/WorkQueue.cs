namespace OneStop.Counters.Features.Dossiers.WorkQueues;

/// <summary>One queue of a person's home: how many wait, how many of those are late or due soon, the first of them.</summary>
internal sealed record WorkQueue(string Kind, int Count, int Overdue, int DueSoon, IReadOnlyList<DossierListItem> First);

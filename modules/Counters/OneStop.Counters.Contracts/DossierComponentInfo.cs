namespace OneStop.Counters.Contracts;

public sealed record DossierComponentInfo(
    string Name,
    string DocumentTypeCode,
    /// <summary>One of <see cref="ComponentSources"/>.</summary>
    string Source,
    /// <summary>The Digitization document reused, when <see cref="Source"/> is a reuse.</summary>
    Guid? ReusedDocumentId);

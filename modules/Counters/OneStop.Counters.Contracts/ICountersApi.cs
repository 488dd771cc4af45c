namespace OneStop.Counters.Contracts;

/// <summary>Read-only view of the Counters module for the other modules. Every call is limited to the current scope.</summary>
public interface ICountersApi
{
    Task<DossierSnapshot?> FindDossierAsync(Guid id, CancellationToken ct = default);

    Task<DossierSnapshot?> FindDossierByCodeAsync(string code, CancellationToken ct = default);

    /// <summary>Dossiers in scope in id order after <paramref name="after"/> (keyset), for full re-indexing and exports.</summary>
    Task<IReadOnlyList<DossierSnapshot>> ListDossiersAsync(Guid? after, int take, CancellationToken ct = default);

    /// <summary>A procedure of the catalogue by code, with its components' document-type codes.</summary>
    Task<ProcedureInfo?> FindProcedureAsync(string code, CancellationToken ct = default);

    /// <summary>
    /// The applicant's phone and e-mail as given at intake, for telling them of their dossier (notifications, ADR 0043);
    /// kept out of <see cref="DossierSnapshot"/> so events and projections do not spread them. Null when not in scope.
    /// </summary>
    Task<ApplicantContact?> ApplicantContactAsync(Guid dossierId, CancellationToken ct = default);

    /// <summary>The distinct procedure fields (lĩnh vực) of the catalogue, which queue counters serve.</summary>
    Task<IReadOnlyList<string>> ProcedureFieldsAsync(CancellationToken ct = default);
}

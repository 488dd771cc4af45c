namespace OneStop.Integration.Contracts;

/// <summary>
/// What other modules may ask of the national systems (read-only). Answers come from the connectors; a system that is
/// down gives <see cref="LookupOutcome.Unavailable"/>, never an exception, so intake can go on by hand.
/// </summary>
public interface IIntegrationApi
{
    /// <summary>Cơ sở dữ liệu quốc gia về dân cư: verify a citizen and get identity data to prefill intake.</summary>
    Task<CitizenVerification> VerifyCitizenAsync(string citizenId, string fullName, DateOnly dateOfBirth, CancellationToken ct = default);

    /// <summary>Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp: an enterprise by its code (mã số doanh nghiệp).</summary>
    Task<EnterpriseLookup> FindEnterpriseAsync(string enterpriseCode, CancellationToken ct = default);

    /// <summary>Cơ sở dữ liệu quốc gia về đất đai: a land parcel by its certificate number (số phát hành GCN).</summary>
    Task<LandParcelLookup> FindLandParcelAsync(string certificateNumber, CancellationToken ct = default);

    /// <summary>
    /// Cổng Dịch vụ công quốc gia — kho dữ liệu của công dân: the documents a citizen keeps in the portal's data store
    /// (results and papers issued elsewhere), fetched on request at intake so they need not be brought again.
    /// </summary>
    Task<PortalDataStoreLookup> FetchPortalDataStoreAsync(string citizenId, CancellationToken ct = default);
}

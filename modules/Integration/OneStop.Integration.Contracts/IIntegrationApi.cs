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

public enum LookupOutcome
{
    Found,
    NotFound,
    /// <summary>Found, but the name or date of birth given does not match the record.</summary>
    Mismatch,
    Unavailable,
}

public sealed record CitizenIdentity(
    string CitizenId, string FullName, DateOnly DateOfBirth, string Gender, string PlaceOfOrigin,
    string PermanentAddress, string? IssuedOn);

public sealed record CitizenVerification(LookupOutcome Outcome, CitizenIdentity? Citizen, string Message);

public sealed record Enterprise(string Code, string Name, string Type, string Status, string HeadOfficeAddress, string LegalRepresentative, DateOnly RegisteredOn);

public sealed record EnterpriseLookup(LookupOutcome Outcome, Enterprise? Enterprise, string Message);

public sealed record LandParcel(string CertificateNumber, string ParcelNumber, string MapSheet, decimal AreaSquareMetres, string LandUse, string Address, string Holder);

public sealed record LandParcelLookup(LookupOutcome Outcome, LandParcel? Parcel, string Message);

/// <summary>A document in the citizen's data store on the national portal.</summary>
/// <param name="DocumentTypeCode">The document-type code of the procedure catalogue's components.</param>
/// <param name="ValidUntil">Null for a document valid without limit.</param>
public sealed record PortalDocument(string DocumentNumber, string DocumentTypeCode, string Title, string IssuedBy, DateOnly IssuedOn, DateOnly? ValidUntil, string? FileUrl);

public sealed record PortalDataStoreLookup(LookupOutcome Outcome, IReadOnlyList<PortalDocument> Documents, string Message);

/// <summary>
/// An online dossier submitted on the National Public Service Portal for a unit of the province, pulled by the portal
/// connector (once per portal reference). Counters files it as a NEW online dossier waiting for the desk.
/// </summary>
public sealed record OnlineDossierSubmitted(
    string PortalReference,
    string UnitCode,
    string ProcedureCode,
    string ApplicantKind,
    string ApplicantIdentity,
    string ApplicantName,
    DateOnly? ApplicantDateOfBirth,
    string? ApplicantAddress,
    string? ApplicantPhone,
    string? ApplicantEmail,
    IReadOnlyList<string> ComponentCodes,
    DateTimeOffset SubmittedAt,
    /// <summary>The fees paid on the portal's payment platform at submission; null when nothing was paid there.</summary>
    PortalPayment? Payment = null) : OneStop.Platform.IntegrationEvent;

/// <summary>
/// A payment made on the national portal's payment platform (Nền tảng thanh toán trực tuyến) with the submission: the
/// amount, the platform's transaction number and when it was paid.
/// </summary>
public sealed record PortalPayment(long AmountVnd, string TransactionId, DateTimeOffset PaidAt);

using OneStop.Digitization.Domain;

namespace OneStop.Digitization.Features.CertifiedCopies;

/// <summary>A line of the certification register as the pages and the API show it.</summary>
internal sealed record CertifiedCopyDto(
    Guid Id, string RegisterNumber, int Number, int Year, DateTimeOffset CertifiedAt, DateOnly CertifiedOn, Guid? DossierId, string? DossierCode,
    string RequesterName, string RequesterIdentity, string DocumentName, string IssuingBody, int Pages, int Copies, long FeeVnd,
    Guid OfficerId, string OfficerName, string? OfficerPosition, Guid DocumentId, string? DigitizedCode, string? VerificationCode, string UnitPath,
    string? Note)
{
    public static CertifiedCopyDto From(CertifiedCopy c, DigitizedDocument? d) => new(c.Id, c.RegisterNumber, c.Number, c.Year, c.CertifiedAt, c.CertifiedOn,
        c.DossierId, c.DossierCode, c.RequesterName, c.RequesterIdentity, c.DocumentName, c.IssuingBody, c.Pages, c.Copies, c.FeeVnd, c.OfficerId, c.OfficerName,
        c.OfficerPosition, c.DocumentId, d?.DigitizedCode, d?.VerificationCode, c.UnitPath, c.Note);
}

/// <summary>A page of the register, newest number first.</summary>
internal sealed record CertifiedCopyPage(IReadOnlyList<CertifiedCopyDto> Items, int Total, int Page, int PageSize, long FeeTotalVnd, int CopiesTotal)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A person of the unit who may sign certifications (người thực hiện chứng thực).</summary>
internal sealed record CertifyingOfficer(Guid Id, string FullName, string? Position);

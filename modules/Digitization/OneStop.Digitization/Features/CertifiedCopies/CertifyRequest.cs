using FluentValidation;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.Documents;

namespace OneStop.Digitization.Features.CertifiedCopies;

/// <summary>
/// What describes a certification besides the scan of the original: the requester, the original (name, issuing body,
/// pages), the number of copies, the certifying officer (a person of the unit) and, when it was received at the desk,
/// the dossier of procedure 2.000815.
/// </summary>
internal sealed record CertifyRequest(
    Guid? DossierId, string? RequesterName, string? RequesterIdentity, string? DocumentName, string? IssuingBody, string? DocumentTypeCode,
    int? Pages, int? Copies, Guid? OfficerId, string? Note)
{
    public const int MaxPages = 1000;
    public const int MaxCopies = 100;
}

internal sealed class CertifyRequestValidator : AbstractValidator<CertifyRequest>
{
    public CertifyRequestValidator()
    {
        RuleFor(r => r.RequesterName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 256).WithErrorCode(DigitizationMessages.CertifyRequesterRequired);
        RuleFor(r => r.RequesterIdentity).Must(ApplicantIdentities.IsValid).WithErrorCode(DigitizationErrorCodes.InvalidApplicant);
        RuleFor(r => r.DocumentName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 500).WithErrorCode(DigitizationMessages.CertifyDocumentRequired);
        RuleFor(r => r.IssuingBody).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 256).WithErrorCode(DigitizationMessages.CertifyIssuerRequired);
        RuleFor(r => r.DocumentTypeCode).Must(c => c is null || c.Trim().Length <= 64).WithErrorCode(DigitizationMessages.TypeCodeRequired);
        RuleFor(r => r.Pages).Must(p => p is >= 1 and <= CertifyRequest.MaxPages).WithErrorCode(DigitizationMessages.CertifyPagesInvalid);
        RuleFor(r => r.Copies).Must(c => c is >= 1 and <= CertifyRequest.MaxCopies).WithErrorCode(DigitizationMessages.CertifyCopiesInvalid);
        RuleFor(r => r.OfficerId).Must(o => o is { } id && id != Guid.Empty).WithErrorCode(DigitizationMessages.CertifyOfficerRequired);
        RuleFor(r => r.Note).Must(n => n is null || n.Length <= 1000).WithErrorCode(DigitizationMessages.CertifyNoteTooLong);
    }
}

/// <summary>The multipart form of <c>POST /certified-copies</c> and of the page.</summary>
internal sealed class CertifyForm
{
    public Microsoft.AspNetCore.Http.IFormFile? File { get; set; }
    public Guid? DossierId { get; set; }
    public string? RequesterName { get; set; }
    public string? RequesterIdentity { get; set; }
    public string? DocumentName { get; set; }
    public string? IssuingBody { get; set; }
    public string? DocumentTypeCode { get; set; }
    public int? Pages { get; set; }
    public int? Copies { get; set; } = 1;
    public Guid? OfficerId { get; set; }
    public string? Note { get; set; }

    public CertifyRequest ToRequest() => new(DossierId, RequesterName, RequesterIdentity, DocumentName, IssuingBody,
        string.IsNullOrWhiteSpace(DocumentTypeCode) ? null : DocumentTypeCode, Pages, Copies, OfficerId, string.IsNullOrWhiteSpace(Note) ? null : Note);
}

using FluentValidation;

namespace OneStop.Counters.Features.Catalogue.DocumentTypes;

/// <summary>Ngừng sử dụng a code from <see cref="RetiredFrom"/> (today, Vietnam time, when null).</summary>
internal sealed record RetireDocumentTypeRequest(DateOnly? RetiredFrom);

internal sealed class RetireDocumentTypeRequestValidator : AbstractValidator<RetireDocumentTypeRequest>
{
    public RetireDocumentTypeRequestValidator() =>
        RuleFor(r => r.RetiredFrom).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithErrorCode(DocumentTypeMessages.RetiredFromInvalid);
}

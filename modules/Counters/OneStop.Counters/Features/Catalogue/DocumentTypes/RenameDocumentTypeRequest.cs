using FluentValidation;

namespace OneStop.Counters.Features.Catalogue.DocumentTypes;

/// <summary>A new name for a code; the code itself never changes (components and dossiers name it).</summary>
internal sealed record RenameDocumentTypeRequest(string Name);

internal sealed class RenameDocumentTypeRequestValidator : AbstractValidator<RenameDocumentTypeRequest>
{
    public RenameDocumentTypeRequestValidator() =>
        RuleFor(r => r.Name).Must(IsValidName).WithErrorCode(DocumentTypeMessages.NameRequired);

    public static bool IsValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= AddDocumentTypeRequest.MaxNameLength;
}

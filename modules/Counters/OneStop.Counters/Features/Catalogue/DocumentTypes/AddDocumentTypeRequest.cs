using System.Text.RegularExpressions;
using FluentValidation;

namespace OneStop.Counters.Features.Catalogue.DocumentTypes;

/// <summary>A new code in the list: the code is trimmed and upper-cased before it is checked and stored.</summary>
internal sealed partial record AddDocumentTypeRequest(string Code, string Name)
{
    public const int MaxNameLength = 512;

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Latin capitals, digits, '.' and '-', 2–64 characters, starting with a letter or digit.</summary>
    public static bool IsValidCode(string? code) => CodePattern().IsMatch(Normalize(code));

    [GeneratedRegex("^[A-Z0-9][A-Z0-9.-]{1,63}$")]
    private static partial Regex CodePattern();
}

internal sealed class AddDocumentTypeRequestValidator : AbstractValidator<AddDocumentTypeRequest>
{
    public AddDocumentTypeRequestValidator()
    {
        RuleFor(r => r.Code).Must(AddDocumentTypeRequest.IsValidCode).WithErrorCode(DocumentTypeMessages.CodeInvalid);
        RuleFor(r => r.Name).Must(RenameDocumentTypeRequestValidator.IsValidName).WithErrorCode(DocumentTypeMessages.NameRequired);
    }
}

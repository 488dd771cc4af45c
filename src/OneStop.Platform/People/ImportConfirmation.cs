using FluentValidation;

namespace OneStop.Platform.People;

/// <summary>Creates the valid rows of a previewed workbook.</summary>
public sealed record ImportConfirmation(string FileId);

internal sealed class ImportConfirmationValidator : AbstractValidator<ImportConfirmation>
{
    public ImportConfirmationValidator() =>
        RuleFor(r => r.FileId).Must(id => id is { Length: 64 } && id.All(char.IsAsciiHexDigit)).WithErrorCode(PeopleMessages.ImportFileIdInvalid);
}

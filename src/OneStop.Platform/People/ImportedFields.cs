using FluentValidation;

namespace OneStop.Platform.People;

/// <summary>A workbook row's personal fields, checked by the same rules as the form and the API.</summary>
internal sealed record ImportedFields(string Login, string? FullName, string? Position, string? Email, string? Phone);

internal sealed class ImportedFieldsValidator : AbstractValidator<ImportedFields>
{
    public ImportedFieldsValidator()
    {
        RuleFor(r => r.Login).Login();
        RuleFor(r => r.FullName).FullName();
        RuleFor(r => r.Position).Position();
        RuleFor(r => r.Email).Email();
        RuleFor(r => r.Phone).Phone();
    }
}

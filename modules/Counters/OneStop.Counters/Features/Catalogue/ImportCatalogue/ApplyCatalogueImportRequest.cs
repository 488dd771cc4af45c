using FluentValidation;
using OneStop.Platform.Storage;

namespace OneStop.Counters.Features.Catalogue.ImportCatalogue;

/// <summary>Apply a previewed catalogue file (its id from the preview) as versions effective from a date.</summary>
internal sealed record ApplyCatalogueImportRequest(string? FileId, string? FileName, DateOnly? EffectiveFrom);

internal sealed class ApplyCatalogueImportRequestValidator : AbstractValidator<ApplyCatalogueImportRequest>
{
    public ApplyCatalogueImportRequestValidator()
    {
        RuleFor(r => r.FileId).Must(id => BlobKeys.IsValid(id?.Trim().ToLowerInvariant())).WithErrorCode(CountersMessages.CatalogueImportFileGone);
        RuleFor(r => r.EffectiveFrom).NotNull().WithErrorCode(CountersMessages.CatalogueImportEffectiveFromRequired);
        RuleFor(r => r.FileName).Must(n => n is null || n.Length <= 200).WithErrorCode(CountersMessages.CatalogueImportFileMissing);
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Localization;

/// <summary>
/// MVC adds an implicit [Required] to every non-nullable property with the framework's English message ("The Identity
/// field is required."); give it our message code, which the data-annotation localizer then resolves.
/// </summary>
internal sealed class RequiredMessageProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (string.IsNullOrEmpty(required.ErrorMessage) && string.IsNullOrEmpty(required.ErrorMessageResourceName))
            {
                required.ErrorMessage = PlatformMessages.FieldRequired;
            }
        }
    }
}

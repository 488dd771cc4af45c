using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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
        var required = context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().ToList();
        foreach (var attribute in required)
        {
            if (string.IsNullOrEmpty(attribute.ErrorMessage) && string.IsNullOrEmpty(attribute.ErrorMessageResourceName))
            {
                attribute.ErrorMessage = PlatformMessages.FieldRequired;
            }
        }
    }
}

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

        // A non-nullable value-type property (a checkbox's bool, a date) gets a client-side [Required] made on the fly
        // with the framework's English text in the page's data-val-required; one with our code here is used instead.
        // On the server it never fails: a value type is never null (a missing value is a binding error, by code too).
        // Not on a page model's own properties: there MVC reports a required property that was not posted as an error
        // (TwoFactor's RememberMe), where the framework's implicit rule lets it pass.
        if (required.Count == 0 && context.Key.MetadataKind == ModelMetadataKind.Property
            && context.Key.ModelType.IsValueType && Nullable.GetUnderlyingType(context.Key.ModelType) is null
            && !typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(context.Key.ContainerType))
        {
            context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute { ErrorMessage = PlatformMessages.FieldRequired });
        }
    }
}

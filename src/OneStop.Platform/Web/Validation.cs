using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Web;

/// <summary>
/// One validation mechanism (ADR 0020): a request's rules are a FluentValidation <see cref="IValidator{T}"/> beside it,
/// every rule naming its message code (<c>.WithErrorCode(CountersErrorCodes.X)</c>), the text coming from the message
/// catalogue in the reader's language. The API filter and the pages call the same validator.
/// </summary>
public static class Validation
{
    /// <summary>Rejects a request whose body fails its validator with a 400 ProblemDetails (code Platform.ValidationFailed).</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var request = ctx.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null)
            {
                return ProblemDetailsSetup.Problem(PlatformErrorCodes.ValidationFailed, Messages.Text(PlatformMessages.BodyMissing), 400);
            }

            var errors = Errors(ctx.HttpContext.RequestServices, request);
            return errors.Count > 0
                ? ProblemDetailsSetup.Problem(PlatformErrorCodes.ValidationFailed, Messages.Text(PlatformMessages.DataInvalid), 400, errors: errors)
                : await next(ctx);
        }).ProducesValidationProblem();

    /// <summary>The request's errors per field, in the reader's language; empty when valid.</summary>
    public static Dictionary<string, string[]> Errors<TRequest>(IServiceProvider services, TRequest request) =>
        Failures(services, request)
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>Throws a 400 <see cref="PlatformException"/> carrying the errors, for handlers called outside the API filter.</summary>
    public static void ThrowIfInvalid<TRequest>(IServiceProvider services, TRequest request)
    {
        var errors = Errors(services, request);
        if (errors.Count > 0)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400) { Errors = errors };
        }
    }

    /// <summary>Puts the request's errors on a page's model state (<paramref name="prefix"/> is the bound property, e.g. "Input").</summary>
    public static bool Check<TRequest>(this ModelStateDictionary modelState, IServiceProvider services, TRequest request, string prefix = "")
    {
        foreach (var failure in Failures(services, request))
        {
            modelState.AddModelError(prefix.Length == 0 || failure.Field.Length == 0 ? failure.Field : prefix + "." + failure.Field, failure.Message);
        }

        return modelState.IsValid;
    }

    /// <summary>The request's errors, field by field, in the reader's language.</summary>
    public static IEnumerable<ValidationError> Failures<TRequest>(IServiceProvider services, TRequest request)
    {
        // A request without a validator has no rules of its own (its endpoint still binds and types it).
        return services.GetService<IValidator<TRequest>>() is { } validator
            ? validator.Validate(request).Errors.Select(f => new ValidationError(f.PropertyName, f.ErrorMessage))
            : [];
    }
}

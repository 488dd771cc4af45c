using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Localization;
using Microsoft.AspNetCore.Localization;
using System.Globalization;

namespace OneStop.Platform.Web;

/// <summary>Paths answered with ProblemDetails; everything else is a page for people.</summary>
public static class ApiPaths
{
    public static bool IsApi(HttpRequest request) => IsApi(request.Path);

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/connect") || path.StartsWithSegments("/health");
}

/// <summary>Every error of the API is an RFC 9457 ProblemDetails with a stable "code".</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            UseRequestCulture(ctx.HttpContext);
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Extensions["code"] = ctx.ProblemDetails.Status switch
                {
                    400 => PlatformErrorCodes.ValidationFailed,
                    401 => PlatformErrorCodes.Unauthenticated,
                    403 => PlatformErrorCodes.Forbidden,
                    404 => PlatformErrorCodes.NotFound,
                    405 => PlatformErrorCodes.MethodNotAllowed,
                    409 => PlatformErrorCodes.Conflict,
                    413 => PlatformErrorCodes.PayloadTooLarge,
                    415 => PlatformErrorCodes.UnsupportedMediaType,
                    422 => PlatformErrorCodes.ValidationFailed,
                    429 => PlatformErrorCodes.TooManyAttempts,
                    _ => PlatformErrorCodes.Unexpected,
                };
            }

            // The framework's own problems (empty 400s, 404s, 405s…) carry English titles: say it in the reader's language.
            if (ctx.ProblemDetails.Extensions["code"] is string code && (ctx.ProblemDetails.Title is null || FrameworkTitles.Contains(ctx.ProblemDetails.Title)))
            {
                ctx.ProblemDetails.Title = Messages.Text(code);
            }
        });
        services.AddExceptionHandler<PlatformExceptionHandler>();
        // An unreadable body or parameter throws (in every environment, not only Development), so the handler answers
        // with our RequestUnreadable text instead of an empty 400 titled by the framework.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// The status-code pages and the exception handler run outside the localization middleware, whose culture is gone
    /// by the time they write: take the request's culture again from its feature, so the problem is in the reader's language.
    /// </summary>
    internal static void UseRequestCulture(HttpContext context)
    {
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
    }

    private static readonly HashSet<string> FrameworkTitles =
    [
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Not Acceptable", "Conflict",
        "Unsupported Media Type", "Unprocessable Entity", "Too Many Requests", "An error occurred while processing your request.",
        "One or more validation errors occurred.", "Request Entity Too Large", "Payload Too Large",
    ];

    /// <summary>A problem whose title is the text of its code in the reader's language (ADR 0020).</summary>
    public static ProblemDetails ToProblemDetails(string code, int status, params object?[] arguments) =>
        ToProblemDetails(code, Messages.Text(code, arguments), status);

    /// <summary>A problem by code, typed-results friendly; field errors are already in the reader's language.</summary>
    public static IResult Problem(string code, int status, IDictionary<string, string[]>? errors = null, params object?[] arguments) =>
        TypedResults.Problem(ToProblemDetails(code, Messages.Text(code, arguments), status, errors: errors));

    public static ProblemDetails ToProblemDetails(string code, string title, int status, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://onestop.local/errors/{code}";
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>A typed-results-friendly problem response.</summary>
    public static IResult Problem(string code, string title, int status, string? detail = null, IDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(ToProblemDetails(code, title, status, detail, errors));
}

internal sealed class PlatformExceptionHandler(ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page: decide on the original path.
        var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!ApiPaths.IsApi(new PathString(originalPath)))
        {
            // People get the error page (re-executed by the exception handler middleware).
            if (exception is not PlatformException)
            {
                logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            }

            return false;
        }

        ProblemDetailsSetup.UseRequestCulture(httpContext);
        if (exception is BadHttpRequestException unreadable)
        {
            logger.LogInformation("Unreadable request on {Path}: {Reason}", httpContext.Request.Path, unreadable.Message);
        }

        var problem = exception switch
        {
            PlatformException p => ProblemDetailsSetup.ToProblemDetails(p.Code, p.Message, p.StatusCode, errors: p.Errors),
            // The framework's reason (English, naming C# parameters) stays in the log, not in front of the reader.
            BadHttpRequestException { StatusCode: 415 } => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.UnsupportedMediaType, 415),
            BadHttpRequestException { StatusCode: 413 } => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.PayloadTooLarge, 413),
            BadHttpRequestException b => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.ValidationFailed, Messages.Text(PlatformMessages.RequestUnreadable), b.StatusCode,
                errors: FieldOf(b.InnerException) is { } field ? new Dictionary<string, string[]> { [field] = [Messages.Text(PlatformMessages.RequestUnreadable)] } : null),
            // A multipart body without its boundary or cut short, read by an endpoint itself (ADR 0034).
            InvalidDataException => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.ValidationFailed, Messages.Text(PlatformMessages.RequestUnreadable), 400),
            // Two endpoints share a route and differ by the body's Content-Type (JSON or multipart): a body of neither
            // type chooses none. The framework's exception type is internal, hence its name.
            _ when exception.GetType().FullName == "Microsoft.AspNetCore.Routing.Matching.AmbiguousMatchException"
                => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.UnsupportedMediaType, 415),
            DbUpdateConcurrencyException => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.Conflict, Messages.Text(PlatformMessages.ChangedMeanwhile), 409),
            // The safety net behind InputLimits and the validators: the database refused a value (SQLSTATE class 22,
            // data exception: too long for its column, out of range, an invalid byte). Nothing was written.
            _ when DataException(exception) => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.ValidationFailed, Messages.Text(PlatformMessages.ValueNotStorable), 400),
            _ => null,
        };
        if (problem is not null && exception is InvalidDataException || DataException(exception))
        {
            logger.LogWarning(exception, "Refused input on {Path}", httpContext.Request.Path);
        }

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            problem = ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.Unexpected, 500);
        }

        // Written directly: the exception handler middleware would otherwise fall back to the error page.
        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status ?? 500;
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), JsonSerializerOptions.Web, "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>The field an unreadable JSON body went wrong at ("items[0].date"), when the serializer says.</summary>
    private static string? FieldOf(Exception? inner) =>
        inner is JsonException { Path: { Length: > 1 } path } ? path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$') : null;

    private static bool DataException(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException { SqlState: { Length: 5 } state } && state.StartsWith("22", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

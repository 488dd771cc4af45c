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
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Extensions["code"] = ctx.ProblemDetails.Status switch
                {
                    400 => PlatformErrorCodes.ValidationFailed,
                    401 => PlatformErrorCodes.Unauthenticated,
                    403 => PlatformErrorCodes.Forbidden,
                    404 => PlatformErrorCodes.NotFound,
                    409 => PlatformErrorCodes.Conflict,
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
        return services;
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

        // The handler runs outside the localization middleware, whose culture is gone by now: texts are resolved here,
        // so read them in the culture it chose for the request (Accept-Language for the API).
        if (httpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            System.Globalization.CultureInfo.CurrentCulture = culture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture.UICulture;
        }

        if (exception is BadHttpRequestException unreadable)
        {
            logger.LogInformation("Unreadable request on {Path}: {Reason}", httpContext.Request.Path, unreadable.Message);
        }

        var problem = exception switch
        {
            PlatformException p => ProblemDetailsSetup.ToProblemDetails(p.Code, p.Message, p.StatusCode, errors: p.Errors),
            // The framework's reason (English, naming C# parameters) stays in the log, not in front of the reader.
            BadHttpRequestException b => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.ValidationFailed, Messages.Text(PlatformMessages.RequestUnreadable), b.StatusCode),
            DbUpdateConcurrencyException => ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.Conflict, Messages.Text(PlatformMessages.ChangedMeanwhile), 409),
            _ => null,
        };
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
}

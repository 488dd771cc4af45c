using System.Diagnostics;
using System.Text.Json;
using OneStop.Platform.Web;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host.Web;

/// <summary>Middlewares that refuse a request before any endpoint runs answer with the same ProblemDetails as endpoints.</summary>
internal static class ProblemWriter
{
    /// <summary>The title is the text of <paramref name="messageCode"/> (the error code's own text if none) in the request's language.</summary>
    public static Task WriteAsync(HttpContext context, string code, int status, string? messageCode = null)
    {
        var problem = ProblemDetailsSetup.ToProblemDetails(code, Messages.Text(messageCode ?? code), status);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), JsonSerializerOptions.Web, "application/problem+json", context.RequestAborted);
    }
}

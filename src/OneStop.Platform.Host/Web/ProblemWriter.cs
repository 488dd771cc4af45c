using System.Diagnostics;
using System.Text.Json;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Web;

/// <summary>Middlewares that refuse a request before any endpoint runs answer with the same ProblemDetails as endpoints.</summary>
internal static class ProblemWriter
{
    public static Task WriteAsync(HttpContext context, string code, string title, int status)
    {
        var problem = ProblemDetailsSetup.ToProblemDetails(code, title, status);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), JsonSerializerOptions.Web, "application/problem+json", context.RequestAborted);
    }
}

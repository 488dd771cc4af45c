using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Platform.Localization;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features;

/// <summary>ProblemDetails results shared by the module's endpoints.</summary>
internal static class CountersProblems
{
    /// <summary>The title is the text of <paramref name="messageCode"/> (or of the error code), in the reader's language.</summary>
    public static ProblemHttpResult Problem(string code, int status, string? messageCode = null, params object?[] arguments) =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(code, Messages.Text(messageCode ?? code, arguments), status));

    public static ProblemHttpResult NotFound(string code, string? messageCode = null, params object?[] arguments) =>
        Problem(code, StatusCodes.Status404NotFound, messageCode, arguments);
}

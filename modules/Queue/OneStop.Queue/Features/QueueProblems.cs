using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Platform.Localization;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features;

/// <summary>ProblemDetails results shared by the queue's endpoints.</summary>
internal static class QueueProblems
{
    /// <summary>A problem titled by <paramref name="messageCode"/>'s text in the reader's language.</summary>
    public static ProblemHttpResult Problem(string code, string messageCode, int status, params object?[] arguments) =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(code, Messages.Text(messageCode, arguments), status));

    public static ProblemHttpResult NotFound(string code) => Problem(code, code, StatusCodes.Status404NotFound);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features;

/// <summary>ProblemDetails results shared by the queue's endpoints.</summary>
internal static class QueueProblems
{
    public static ProblemHttpResult Problem(string code, string title, int status) =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(code, title, status));

    public static ProblemHttpResult NotFound(string code, string title) => Problem(code, title, StatusCodes.Status404NotFound);
}

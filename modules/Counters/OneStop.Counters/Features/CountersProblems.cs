using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features;

/// <summary>ProblemDetails results shared by the module's endpoints.</summary>
internal static class CountersProblems
{
    public static ProblemHttpResult Problem(string code, string title, int status) =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(code, title, status));

    public static ProblemHttpResult NotFound(string code, string title) => Problem(code, title, StatusCodes.Status404NotFound);
}

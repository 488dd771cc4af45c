using System.Globalization;
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

    // Hand-written titles, kept for the queue and the working calendar until they move out of Counters (ADR 0020).
    public static ProblemHttpResult Problem(string code, string title, int status) =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(code, title, status));

    public static ProblemHttpResult NotFound(string code, string title) => Problem(code, title, StatusCodes.Status404NotFound);
}

/// <summary>
/// Vietnam wall-clock times in requests: "2024-02-08T10:00" (no offset) is read as Vietnam time (UTC+7); a value
/// with an offset or "Z" is converted to Vietnam time.
/// </summary>
internal static class VietnamTime
{
    public static bool TryParse(string? text, out DateTime local)
    {
        local = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        local = parsed.Kind == DateTimeKind.Unspecified
            ? parsed
            : Domain.Calendar.DueDateCalculator.ToVietnamTime(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
        return true;
    }

    public static bool TryParseClock(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

using OneStop.Platform.Localization;

namespace OneStop.Platform.Web;

/// <summary>
/// A business error with a stable code (e.g. <c>Counters.DossierNotFound</c>); its message is the code's text in the
/// reader's language (<see cref="Messages"/>, ADR 0020), formatted with <see cref="Arguments"/>. Rendered as RFC 9457
/// ProblemDetails with the code in the "code" extension, or as a page error.
/// </summary>
public class PlatformException : Exception
{
    public PlatformException(string code, int statusCode = 400, params object?[] arguments)
        : base(code)
    {
        Code = code;
        StatusCode = statusCode;
        Arguments = arguments;
    }

    public string Code { get; }
    public int StatusCode { get; }
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>A more precise text than the error code's own, when one code covers several situations.</summary>
    public string? MessageCode { get; init; }

    /// <summary>Per field, the messages (already in the reader's language).</summary>
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Resolved when read, so the text follows the culture of whoever shows it.</summary>
    public override string Message => Messages.Text(MessageCode ?? Code, [.. Arguments]);
}

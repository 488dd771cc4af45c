using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OneStop.Queue.Features;

/// <summary>
/// The queue's addresses before it became a module (ADR 0021): <c>/Counters/Queue/…</c> pages and
/// <c>/api/v1/counters/queue/…</c>. Kiosks and boards are bookmarked on screens in waiting rooms, and third-party
/// kiosks call the API, so both are sent on for a while instead of answering 404.
/// </summary>
internal static class QueueRedirects
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Pages: a plain redirect (GET bookmarks; a form posted from an old page is re-shown by the new one).
        app.MapMethods("/Counters/Queue/{**rest}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string? rest) =>
                Results.Redirect(Target("/Queue", rest, http.Request.QueryString)))
            .ExcludeFromDescription().AllowAnonymous();
        // API: 308 keeps the method and body, so a kiosk's POST reaches the new endpoint unchanged.
        app.Map("/api/v1/counters/queue/{**rest}", (HttpContext http, string? rest) =>
                Results.Redirect(Target("/api/v1/queue", rest, http.Request.QueryString), permanent: true, preserveMethod: true))
            .ExcludeFromDescription().AllowAnonymous();
    }

    private static string Target(string root, string? rest, QueryString query) =>
        (string.IsNullOrEmpty(rest) ? root : root + "/" + rest) + query.Value;
}

using OneStop.Platform.Web;
using OneStop.Platform.Host.Localization;

namespace OneStop.Platform.Host.Web;

/// <summary>
/// Cross-site request forgery on the API: a browser sends the sign-in cookie with any site's request, so an unsafe
/// call (POST, PUT, PATCH, DELETE) carried by the cookie must come from a page of this host. The browser says where
/// it comes from in <c>Origin</c> (and <c>Sec-Fetch-Site</c>); neither can be set by the foreign page. Bearer-token
/// calls carry no ambient credential and are not checked. Pages have antiforgery tokens instead.
/// </summary>
internal sealed class OriginCheckMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity?.IsAuthenticated == true // without a bearer token: by the cookie
            && IsForeign(request))
        {
            return ProblemWriter.WriteAsync(context, PlatformErrorCodes.ForeignOrigin, StatusCodes.Status403Forbidden, HostMessages.ForeignOrigin);
        }

        return next(context);
    }

    private static bool IsForeign(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false; // not a browser's cross-origin request (curl, server-side callers)
        }

        // "null" (sandboxed frames, file: pages) is foreign as well. The host is compared, not the scheme: behind a
        // proxy that ends TLS the request arrives as http while the page was https.
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}

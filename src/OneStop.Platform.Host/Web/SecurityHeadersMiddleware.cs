using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Web;

/// <summary>
/// Browser protections on every response: a Content-Security-Policy, no MIME sniffing, no framing, a short referrer.
/// Scripts run only from this host or with the response's nonce (the pages' own inline scripts); styles may be inline
/// ('unsafe-inline') because pages and Bootstrap use <c>style="…"</c> attributes, which a nonce cannot cover, and a
/// style cannot run code. The API reference (<c>/scalar</c>) and the jobs dashboard (<c>/jobs</c>) are third-party
/// pages built on inline scripts: they get 'unsafe-inline' scripts, still from this host only.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Common =
        "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; ";

    public Task InvokeAsync(HttpContext context)
    {
        // Read now: by the time the response starts, a mapped branch (the jobs dashboard) has moved it to PathBase.
        var thirdParty = IsThirdPartyPage(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Common + (thirdParty
                ? "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'"
                : $"script-src 'self' 'nonce-{ContentSecurityPolicy.Nonce(context)}'; style-src 'self' 'unsafe-inline'");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsThirdPartyPage(PathString path) =>
        path.StartsWithSegments("/scalar") || path.StartsWithSegments("/jobs");
}

using OneStop.Platform.Host.Web;
using OneStop.Platform.Identity;
using OneStop.Platform.Web;
using OneStop.Platform.Host.Localization;

namespace OneStop.Platform.Host.Identity;

/// <summary>
/// Guessing client secrets at <c>/connect/token</c>: keys <c>client:{client_id}</c> and <c>address:{ip}</c> count
/// the <c>invalid_client</c> answers (flagged by an OpenIddict event handler, see <see cref="IdentitySetup"/>); while a
/// key is blocked the request gets 429 with Retry-After before OpenIddict checks the secret at all.
/// </summary>
internal sealed class TokenThrottleMiddleware(RequestDelegate next)
{
    /// <summary>Set in HttpContext.Items when OpenIddict answers invalid_client.</summary>
    public static readonly object InvalidClientFlag = new();

    public async Task InvokeAsync(HttpContext context, SignInThrottler throttle, TimeProvider clock)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/connect/token") || !context.Request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var keys = new List<string>();
        if (form["client_id"].ToString() is { Length: > 0 } clientId)
        {
            keys.Add(SignInThrottler.ClientKey(clientId));
        }

        if (context.Connection.RemoteIpAddress is { } address)
        {
            keys.Add(SignInThrottler.AddressKey(address.ToString()));
        }

        if (await throttle.BlockedUntilAsync(keys, context.RequestAborted) is { } until)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemWriter.WriteAsync(context, PlatformErrorCodes.TooManyAttempts, StatusCodes.Status429TooManyRequests, HostMessages.TokenTooManyAttempts);
            return;
        }

        await next(context);
        if (context.Items.ContainsKey(InvalidClientFlag))
        {
            await throttle.RecordFailureAsync(keys, CancellationToken.None);
        }
    }
}

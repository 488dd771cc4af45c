using Microsoft.AspNetCore.Localization;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Localization;

/// <summary>
/// A program calling the API says its language with Accept-Language (ProblemDetails in English for <c>en</c>); pages keep
/// Vietnamese first whatever the browser says, and a person switches with the language menu (cookie).
/// </summary>
internal sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    private readonly AcceptLanguageHeaderRequestCultureProvider _header = new();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        ApiPaths.IsApi(httpContext.Request) ? _header.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
}

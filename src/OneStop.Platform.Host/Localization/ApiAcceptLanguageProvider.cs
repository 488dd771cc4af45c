using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Localization;

/// <summary>
/// A program calling the API says its language with Accept-Language (ProblemDetails in English for <c>en</c>); pages keep
/// Vietnamese first whatever the browser says, and a person switches with the language menu (cookie).
/// A bare language (<c>en</c>, <c>vi</c>) or another region (<c>en-GB</c>) means the product's culture of that language:
/// the framework's own provider would not match <c>en</c> to <c>en-US</c>.
/// </summary>
internal sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!ApiPaths.IsApi(httpContext.Request)
            || !StringWithQualityHeaderValue.TryParseList(httpContext.Request.Headers.AcceptLanguage, out var languages))
        {
            return NullProviderCultureResult;
        }

        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            var culture = OneStopHost.Cultures.FirstOrDefault(c =>
                tag.Equals(c.Name, StringComparison.OrdinalIgnoreCase) || tag.Split('-')[0].Equals(c.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase));
            if (culture is not null)
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(new StringSegment(culture.Name)));
            }
        }

        return NullProviderCultureResult;
    }
}

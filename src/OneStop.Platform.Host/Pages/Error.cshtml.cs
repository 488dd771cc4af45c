using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Pages;

/// <summary>Error page for people (the API answers with ProblemDetails instead).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int? Code { get; private set; }
    public string? Message { get; private set; }

    public void OnGet(int? code)
    {
        Code = code;
        // A business error (e.g. out of scope) has a Vietnamese message worth showing; anything else stays generic.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is PlatformException p)
        {
            Message = p.Message;
            Response.StatusCode = p.StatusCode;
        }
    }

    public void OnPost(int? code) => OnGet(code);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Portal.Contracts;
using OneStop.Portal.Features.Notifications;

namespace OneStop.Portal.Pages.Admin;

/// <summary>Mẫu thông báo: the Vietnamese texts of the notifications, per kind and channel, edited by administrators (ADR 0043).</summary>
[Permission(PortalPermissions.NotificationTemplatesManage)]
internal sealed class TemplatesModel(NotificationTemplateEditor editor) : PageModel
{
    public IReadOnlyList<TemplateView> Templates { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    /// <summary>The template the errors are about, so the page opens it.</summary>
    public string? Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Templates = await editor.AllAsync(ct);

    public async Task<IActionResult> OnPostAsync(string kind, string channel, string? subject, string? body, CancellationToken ct)
    {
        var errors = await editor.SaveAsync(kind ?? "", channel ?? "", subject, body, ct);
        if (errors.Count == 0)
        {
            Saved = kind + ":" + channel;
            return RedirectToPage();
        }

        Errors = errors.Select(e => Messages.Text(e)).ToList();
        Failed = kind + ":" + channel;
        Templates = await editor.AllAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

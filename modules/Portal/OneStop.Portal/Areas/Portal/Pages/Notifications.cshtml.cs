using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Notifications;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Portal.Contracts;

namespace OneStop.Portal.Pages;

/// <summary>
/// Nhận thông báo (ADR 0043): the signed-in citizen turns each channel on or off for the dossiers filed in their
/// name. The choice is the kernel's <see cref="NotificationPreference"/>, keyed by the applicant identity from the
/// citizen's cookie — never from the form — and written through <see cref="Notifier.SetPreferenceAsync"/>, so a
/// citizen can change only their own choices. The form is protected against forgery like every Razor Pages post.
/// </summary>
[Authorize(AuthenticationSchemes = CitizenAuthentication.Scheme)]
internal sealed class NotificationsModel(PlatformDbContext db, Notifier notifier, ICurrentScope scope) : PageModel
{
    /// <summary>One channel as the page shows it: on or off, and whether that is the citizen's choice or the default.</summary>
    public sealed record Choice(string Channel, bool OptedIn, bool Chosen);

    public SignedInCitizen Citizen { get; private set; } = null!;
    public IReadOnlyList<Choice> Choices { get; private set; } = [];
    [TempData] public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        Citizen = citizen;
        Choices = await ChoicesAsync(citizen.ApplicantIdentity, ct);
        return Page();
    }

    /// <summary>A checkbox not sent is off; any other field (an identity number, say) is ignored.</summary>
    public async Task<IActionResult> OnPostAsync(bool email, bool sms, bool zalo, CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        // The audit chain names the citizen (masked), not "anonymous": a citizen acts for no unit.
        using var _ = scope.Change(scope.Unit, null, "VNeID ••••" + citizen.ApplicantIdentity[^4..]);
        var wanted = new Dictionary<string, bool> { [NotificationChannels.Email] = email, [NotificationChannels.Sms] = sms, [NotificationChannels.Zalo] = zalo };
        var current = await ChoicesAsync(citizen.ApplicantIdentity, ct);
        foreach (var choice in current)
        {
            // Only what changed is written (and audited); the first save records every channel, so a later change of
            // the default does not change what the citizen saw and accepted.
            if (!choice.Chosen || choice.OptedIn != wanted[choice.Channel])
            {
                await notifier.SetPreferenceAsync(citizen.ApplicantIdentity, choice.Channel, wanted[choice.Channel], ct);
            }
        }

        Saved = true;
        return RedirectToPage();
    }

    private async Task<IReadOnlyList<Choice>> ChoicesAsync(string applicantKey, CancellationToken ct)
    {
        var rows = await db.NotificationPreferences.AsNoTracking().Where(p => p.ApplicantKey == applicantKey)
            .ToDictionaryAsync(p => p.Channel, p => p.OptedIn, ct);
        return NotificationChannels.All
            .Select(c => rows.TryGetValue(c, out var on) ? new Choice(c, on, true) : new Choice(c, Notifier.DefaultOptedIn(c), false))
            .ToList();
    }
}

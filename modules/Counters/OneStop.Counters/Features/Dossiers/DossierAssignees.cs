using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Platform.Domain;
using OneStop.Platform.People;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Giao xử lý: who a dossier can be handed to — the active people of the unit holding it now, with a membership valid
/// today whose roles grant processing (<see cref="CountersPermissions.DossiersProcess"/>). The page and the API offer
/// only them; an assignment naming anyone else (an unknown login, a deactivated account, someone of another unit, or
/// without the role) is refused before anything changes, so a dossier never belongs to nobody.
/// </summary>
internal sealed class DossierAssignees(IPeopleDirectory people, TimeProvider time)
{
    public Task<IReadOnlyList<PersonName>> EligibleAsync(Dossier d, CancellationToken ct) =>
        people.EligibleAsync(d.CurrentUnitId, CountersPermissions.DossiersProcess, VietnamTime.Today(time), ct);

    /// <summary>The assignee's login as the account spells it; throws <see cref="CountersErrorCodes.AssigneeNotEligible"/> (422) otherwise.</summary>
    public async Task<string> EnsureEligibleAsync(Dossier d, string login, CancellationToken ct)
    {
        var (person, reason) = await people.CheckEligibleAsync(login, d.CurrentUnitId, CountersPermissions.DossiersProcess, VietnamTime.Today(time), ct);
        if (reason is null)
        {
            return person!.Login;
        }

        var name = person?.FullName is { Length: > 0 } full ? full : login.Trim();
        throw new PlatformException(CountersErrorCodes.AssigneeNotEligible, 422, name, d.CurrentUnitName)
        {
            MessageCode = reason switch
            {
                IneligibleReasons.Unknown => CountersMessages.AssigneeUnknown,
                IneligibleReasons.Inactive => CountersMessages.AssigneeInactive,
                IneligibleReasons.OutsideUnit => CountersMessages.AssigneeOutsideUnit,
                _ => CountersMessages.AssigneeLacksRole,
            },
        };
    }
}

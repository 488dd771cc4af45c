using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Platform.Domain;
using OneStop.Platform.People;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Giao xử lý: who a dossier can be handed to — the active people of the unit holding it now (or of its competent unit,
/// for a dossier received elsewhere), with a membership valid today whose roles grant processing (<see cref="CountersPermissions.DossiersProcess"/>). The page and the API offer
/// only them; an assignment naming anyone else (an unknown login, a deactivated account, someone of another unit, or
/// without the role) is refused before anything changes, so a dossier never belongs to nobody.
/// </summary>
internal sealed class DossierAssignees(IPeopleDirectory people, TimeProvider time)
{
    /// <summary>The units a dossier is with: the one holding it now and the competent one (a location-independent dossier's).</summary>
    private static Guid[] UnitsOf(Dossier d) => d.ResolvingUnitId == Guid.Empty ? [d.CurrentUnitId] : [.. new[] { d.CurrentUnitId, d.ResolvingUnitId }.Distinct()];

    public async Task<IReadOnlyList<PersonName>> EligibleAsync(Dossier d, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var found = new List<PersonName>();
        foreach (var unit in UnitsOf(d))
        {
            // The open processing step's agency (e.g. Phòng Tư pháp) narrows it to that office and the unit's own people.
            found.AddRange(await people.EligibleAsync(unit, CountersPermissions.DossiersProcess, today, ct, d.OpenStep?.AgencyCode));
        }

        return found.DistinctBy(p => p.Id).OrderBy(p => p.FullName, StringComparer.Ordinal).ThenBy(p => p.Login, StringComparer.Ordinal).ToList();
    }

    /// <summary>The assignee's login as the account spells it; throws <see cref="CountersErrorCodes.AssigneeNotEligible"/> (422) otherwise.</summary>
    public async Task<string> EnsureEligibleAsync(Dossier d, string login, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var checks = new List<(PersonName? Person, string? Reason)>();
        foreach (var unit in UnitsOf(d))
        {
            var check = await people.CheckEligibleAsync(login, unit, CountersPermissions.DossiersProcess, today, ct, d.OpenStep?.AgencyCode);
            if (check.Reason is null)
            {
                return check.Person!.Login;
            }

            checks.Add(check);
        }

        // A member of one of the units without the role is told so, rather than that they are outside the unit.
        var (person, reason) = checks.FirstOrDefault(c => c.Reason == IneligibleReasons.LacksRole) is { Reason: not null } lacking ? lacking : checks[0];
        var name = person?.FullName is { Length: > 0 } full ? full : login.Trim();
        throw new PlatformException(CountersErrorCodes.AssigneeNotEligible, 422, name, d.CurrentUnitName)
        {
            MessageCode = reason switch
            {
                IneligibleReasons.Unknown => CountersMessages.AssigneeUnknown,
                IneligibleReasons.Inactive => CountersMessages.AssigneeInactive,
                IneligibleReasons.OutsideUnit => CountersMessages.AssigneeOutsideUnit,
                IneligibleReasons.OtherAgency => CountersMessages.AssigneeOtherAgency,
                _ => CountersMessages.AssigneeLacksRole,
            },
        };
    }
}

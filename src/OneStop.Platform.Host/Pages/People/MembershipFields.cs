using Microsoft.AspNetCore.Mvc.ModelBinding;
using OneStop.Platform.People;

namespace OneStop.Platform.Host.Pages.People;

/// <summary>What the membership part of a form shows (unit, agency, roles, period) and its errors.</summary>
internal sealed record MembershipFields(
    string Prefix, IReadOnlyList<PeopleLookups.UnitOption> Units, IReadOnlyList<PeopleLookups.AgencyOption> Agencies, IReadOnlyList<RoleDto> Grantable,
    Guid UnitId, string? AgencyCode, IReadOnlyCollection<string> Roles, DateOnly? ValidFrom, DateOnly? ValidTo, ModelStateDictionary State)
{
    public string? Error(string field) => FormErrors.Of(State, field);
}

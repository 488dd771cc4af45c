namespace OneStop.Platform.People;

/// <summary>A unit a person works for, with the roles held there and the period it holds.</summary>
public sealed record MembershipDto(
    Guid Id, Guid UnitId, string UnitName, string UnitPath, string? AgencyCode, IReadOnlyList<string> Roles,
    DateOnly ValidFrom, DateOnly? ValidTo, bool IsDefault, bool IsCurrent);

namespace OneStop.Platform.People;

/// <summary>Why a person is not eligible to act for a unit (<see cref="IPeopleDirectory.CheckEligibleAsync"/>).</summary>
public static class IneligibleReasons
{
    /// <summary>No account has this login.</summary>
    public const string Unknown = "UNKNOWN";
    /// <summary>The account was deactivated.</summary>
    public const string Inactive = "INACTIVE";
    /// <summary>No membership of the unit valid on the day.</summary>
    public const string OutsideUnit = "OUTSIDE_UNIT";
    /// <summary>A membership, but none of its roles grants the permission.</summary>
    public const string LacksRole = "LACKS_ROLE";
    /// <summary>A membership of the unit, but for another of its agencies than the work's (ADR 0036).</summary>
    public const string OtherAgency = "OTHER_AGENCY";
}

namespace OneStop.Counters.Contracts;

/// <summary>Who files: a citizen (12-digit CCCD) or an organisation (enterprise code).</summary>
public static class ApplicantKinds
{
    public const string Citizen = "CITIZEN";
    public const string Organisation = "ORGANISATION";
}

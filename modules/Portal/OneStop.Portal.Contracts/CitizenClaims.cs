namespace OneStop.Portal.Contracts;

/// <summary>The claim types of a citizen's cookie (<see cref="CitizenAuthentication.Scheme"/>), read by <see cref="SignedInCitizen"/>.</summary>
public static class CitizenClaims
{
    /// <summary>Số định danh cá nhân (the 12-digit CCCD number); for an organisation, its representative's.</summary>
    public const string IdentityNumber = "citizen:identity_number";

    public const string FullName = "citizen:name";

    /// <summary>ISO date (yyyy-MM-dd), as the provider gives it.</summary>
    public const string DateOfBirth = "citizen:birthdate";

    public const string Phone = "citizen:phone";
    public const string Email = "citizen:email";

    /// <summary>Mã số doanh nghiệp: set when an organisation signed in.</summary>
    public const string EnterpriseCode = "citizen:enterprise_code";

    public const string OrganisationName = "citizen:organisation_name";
}

using System.Security.Claims;

namespace OneStop.Portal.Contracts;

/// <summary>
/// Who signed in through VNeID (ADR 0046), as the rest of the product reads it from the <see cref="CitizenAuthentication.Scheme"/>
/// principal: a citizen, or an organisation (tổ chức) by its enterprise code with the representative who signed in.
/// </summary>
/// <param name="IdentityNumber">Số định danh cá nhân, 12 digits.</param>
/// <param name="EnterpriseCode">Mã số doanh nghiệp when an organisation signed in; otherwise null.</param>
public sealed record SignedInCitizen(
    string IdentityNumber, string FullName, DateOnly? DateOfBirth, string? Phone, string? Email,
    string? EnterpriseCode = null, string? OrganisationName = null)
{
    public bool IsOrganisation => !string.IsNullOrEmpty(EnterpriseCode);

    /// <summary>The applicant identity its dossiers carry: the enterprise code for an organisation, else the identity number.</summary>
    public string ApplicantIdentity => IsOrganisation ? EnterpriseCode! : IdentityNumber;

    /// <summary>The name to greet: the organisation's when one signed in.</summary>
    public string DisplayName => IsOrganisation && !string.IsNullOrEmpty(OrganisationName) ? OrganisationName! : FullName;

    /// <summary>The citizen of a principal of the citizen scheme; null for anyone else (staff, anonymous, incomplete claims).</summary>
    public static SignedInCitizen? From(ClaimsPrincipal? principal)
    {
        var identity = principal?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == CitizenAuthentication.Scheme);
        var number = identity?.FindFirst(CitizenClaims.IdentityNumber)?.Value;
        var name = identity?.FindFirst(CitizenClaims.FullName)?.Value;
        if (identity is null || string.IsNullOrEmpty(number) || string.IsNullOrEmpty(name))
        {
            return null;
        }

        string? Value(string type) => identity.FindFirst(type)?.Value is { Length: > 0 } v ? v : null;
        return new SignedInCitizen(number, name,
            DateOnly.TryParseExact(Value(CitizenClaims.DateOfBirth), "yyyy-MM-dd", out var born) ? born : null,
            Value(CitizenClaims.Phone), Value(CitizenClaims.Email), Value(CitizenClaims.EnterpriseCode), Value(CitizenClaims.OrganisationName));
    }

    /// <summary>The principal the citizen cookie carries: these claims and nothing else (no role, unit or permission).</summary>
    public ClaimsPrincipal ToPrincipal()
    {
        var identity = new ClaimsIdentity(CitizenAuthentication.Scheme, CitizenClaims.FullName, roleType: null);
        identity.AddClaim(new Claim(CitizenClaims.IdentityNumber, IdentityNumber));
        identity.AddClaim(new Claim(CitizenClaims.FullName, FullName));
        void Add(string type, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                identity.AddClaim(new Claim(type, value));
            }
        }

        Add(CitizenClaims.DateOfBirth, DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(CitizenClaims.Phone, Phone);
        Add(CitizenClaims.Email, Email);
        Add(CitizenClaims.EnterpriseCode, EnterpriseCode);
        Add(CitizenClaims.OrganisationName, OrganisationName);
        return new ClaimsPrincipal(identity);
    }
}

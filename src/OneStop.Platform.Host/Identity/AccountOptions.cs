namespace OneStop.Platform.Host.Identity;

/// <summary>Sign-in duties read from configuration (<c>Identity:*</c>).</summary>
internal sealed class AccountOptions
{
    /// <summary><c>Identity:RequireTwoFactorForAdmins</c>: a system admin must enrol an authenticator before anything else.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }
}

namespace OneStop.Platform.Host.Identity;

/// <summary>Sign-in duties read from configuration (<c>Identity:*</c>).</summary>
// Public only because SignInKeys, which the public login page models take, reads it.
public sealed class AccountOptions
{
    /// <summary><c>Identity:RequireTwoFactorForAdmins</c>: a system admin must enrol an authenticator before anything else.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }

    /// <summary><c>Identity:SecureCookies</c>: cookies only over HTTPS.</summary>
    public bool SecureCookies { get; set; }
}

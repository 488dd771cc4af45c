namespace OneStop.Platform.Host.Localization;

/// <summary>Message codes of the host (sign-in, passwords, tokens, middlewares, pages; ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class HostMessages
{
    public const string LoginRequired = "Platform.Host.Account.LoginRequired";
    public const string PasswordRequired = "Platform.Host.Account.PasswordRequired";
    public const string CurrentPasswordRequired = "Platform.Host.Account.CurrentPasswordRequired";
    public const string NewPasswordRequired = "Platform.Host.Account.NewPasswordRequired";
    public const string ConfirmPasswordRequired = "Platform.Host.Account.ConfirmPasswordRequired";
    public const string ConfirmPasswordMismatch = "Platform.Host.Account.ConfirmPasswordMismatch";
    public const string CodeRequired = "Platform.Host.Account.CodeRequired";
    /// <summary>"The password must have at least {0} characters."</summary>
    public const string PasswordTooShort = "Platform.Host.Password.TooShort";
    public const string PasswordRequiresDigit = "Platform.Host.Password.RequiresDigit";
    public const string PasswordRequiresLower = "Platform.Host.Password.RequiresLower";
    public const string PasswordRequiresUpper = "Platform.Host.Password.RequiresUpper";
    public const string PasswordRequiresNonAlphanumeric = "Platform.Host.Password.RequiresNonAlphanumeric";
    /// <summary>"The password must have at least {0} different characters."</summary>
    public const string PasswordRequiresUniqueChars = "Platform.Host.Password.RequiresUniqueChars";
    public const string PasswordMismatch = "Platform.Host.Password.Mismatch";
    public const string PasswordContainsUserName = "Platform.Host.Password.ContainsUserName";
    public const string PasswordTooCommon = "Platform.Host.Password.TooCommon";
    /// <summary>"The login '{0}' is already taken."</summary>
    public const string DuplicateUserName = "Platform.Host.Account.DuplicateUserName";
    /// <summary>"The login '{0}' is not valid."</summary>
    public const string InvalidUserName = "Platform.Host.Account.InvalidUserName";
    public const string TokenRequestInvalid = "Platform.Host.Token.RequestInvalid";
    public const string TokenGrantUnsupported = "Platform.Host.Token.GrantUnsupported";
    public const string TokenClientUnknown = "Platform.Host.Token.ClientUnknown";
    public const string TokenScopeNotGranted = "Platform.Host.Token.ScopeNotGranted";
    public const string TokenTooManyAttempts = "Platform.Host.Token.TooManyAttempts";
    public const string ForeignOrigin = "Platform.Host.ForeignOrigin";
    public const string TwoFactorRequired = "Platform.Host.TwoFactorRequired";
    public const string PeopleWorkbookMissing = "Platform.Host.People.WorkbookMissing";
    public const string UnitsShippedPlanRequired = "Platform.Host.Units.ShippedPlanRequired";
    public const string UnitsUnitToRetireRequired = "Platform.Host.Units.UnitToRetireRequired";
    public const string UnitsUnitToRenameRequired = "Platform.Host.Units.UnitToRenameRequired";
    public const string UnitsAgencyRequired = "Platform.Host.Units.AgencyRequired";
    public const string UnitsSuccessorAgencyRequired = "Platform.Host.Units.SuccessorAgencyRequired";
    public const string UnitsAgencyActionRequired = "Platform.Host.Units.AgencyActionRequired";
    public const string UnitsPreviewUnreadable = "Platform.Host.Units.PreviewUnreadable";
    /// <summary>""{0}" applied; the plan takes effect on {1:dd/MM/yyyy}."</summary>
    public const string UnitsAppliedLater = "Platform.Host.Units.AppliedLater";
    /// <summary>""{0}" applied. {1}"</summary>
    public const string UnitsApplied = "Platform.Host.Units.Applied";
    public const string UnitMarked = "Platform.Host.Units.Marked";
    public const string UnitUnmarked = "Platform.Host.Units.Unmarked";
}

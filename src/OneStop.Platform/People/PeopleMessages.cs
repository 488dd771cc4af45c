namespace OneStop.Platform.People;

/// <summary>Message codes of people and roles (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class PeopleMessages
{
    public const string LoginInvalid = "Platform.People.LoginInvalid";
    public const string FullNameRequired = "Platform.People.FullNameRequired";
    public const string PositionTooLong = "Platform.People.PositionTooLong";
    public const string EmailInvalid = "Platform.People.EmailInvalid";
    public const string PhoneInvalid = "Platform.People.PhoneInvalid";
    public const string MembershipRequired = "Platform.People.MembershipRequired";
    public const string UnitRequired = "Platform.People.UnitRequired";
    public const string RolesRequired = "Platform.People.RolesRequired";
    public const string ValidToBeforeValidFrom = "Platform.People.ValidToBeforeValidFrom";
    public const string ValidityOutOfRange = "Platform.People.ValidityOutOfRange";
    public const string AgencyCodeTooLong = "Platform.People.AgencyCodeTooLong";
    /// <summary>{0}: what the account store said (its texts are ours too, by code).</summary>
    public const string AccountRefused = "Platform.People.AccountRefused";
    public const string StatusInvalid = "Platform.People.StatusInvalid";
    public const string AlreadyMember = "Platform.People.AlreadyMember";
    /// <summary>{0}: the role's name.</summary>
    public const string RoleAboveGranter = "Platform.People.RoleAboveGranter";
    public const string AdminKeepsRoleManagement = "Platform.Roles.AdminKeepsRoleManagement";
    public const string PermissionsRequired = "Platform.Roles.PermissionsRequired";
    public const string RoleNameInvalid = "Platform.Roles.NameInvalid";
    public const string RoleDisplayNameRequired = "Platform.Roles.DisplayNameRequired";
    public const string RoleEnglishNameTooLong = "Platform.Roles.EnglishNameTooLong";
    public const string RoleRankOutOfRange = "Platform.Roles.RankOutOfRange";
    public const string ImportFileIdInvalid = "Platform.People.Import.FileIdInvalid";
    public const string ImportMultipartRequired = "Platform.People.Import.MultipartRequired";
    public const string ImportFileMissing = "Platform.People.Import.FileMissing";
    public const string ImportPreviewGone = "Platform.People.Import.PreviewGone";
    public const string ImportNoData = "Platform.People.Import.NoData";
    public const string ImportUnreadable = "Platform.People.Import.Unreadable";
    /// <summary>{0}: the missing column headings.</summary>
    public const string ImportColumnsMissing = "Platform.People.Import.ColumnsMissing";
    public const string ImportNoRows = "Platform.People.Import.NoRows";
    public const string ImportNoSheet = "Platform.People.Import.NoSheet";
    /// <summary>{0}: the most rows one workbook may hold.</summary>
    public const string ImportTooManyRows = "Platform.People.Import.TooManyRows";
    /// <summary>{0}: the row; {1}: what the account store said. Nobody is created.</summary>
    public const string ImportRowRefused = "Platform.People.Import.RowRefused";
    /// <summary>{0}: the login.</summary>
    public const string ImportLoginRepeated = "Platform.People.Import.LoginRepeated";
    public const string ImportUnitMissing = "Platform.People.Import.UnitMissing";
    /// <summary>{0}: the unit code.</summary>
    public const string ImportUnitUnknown = "Platform.People.Import.UnitUnknown";
    public const string ImportRolesMissing = "Platform.People.Import.RolesMissing";
}

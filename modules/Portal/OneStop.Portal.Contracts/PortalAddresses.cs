namespace OneStop.Portal.Contracts;

/// <summary>
/// The citizen portal's public addresses, for the modules that send citizens there (receipts, redirects from old
/// addresses, notifications). No sign-in is needed for any of them but <see cref="MyDossiers"/> and <see cref="Notifications"/>.
/// </summary>
public static class PortalAddresses
{
    /// <summary>Danh mục thủ tục hành chính: search without diacritics.</summary>
    public const string Home = "/Portal";

    /// <summary>Tra cứu hồ sơ: the dossier code and the last four digits of the applicant's identity number.</summary>
    public const string Lookup = "/Portal/Lookup";

    /// <summary>One procedure as its version valid today states it.</summary>
    public static string Procedure(string code) => "/Portal/Procedure/" + Uri.EscapeDataString(code);

    /// <summary>Public statistics per unit (on-time rate, online share, the Decision 766 index).</summary>
    public const string Statistics = "/Portal/Statistics";

    /// <summary>Hồ sơ của tôi: the signed-in citizen's own dossiers (VNeID sign-in, ADR 0046).</summary>
    public const string MyDossiers = "/Portal/MyDossiers";

    /// <summary>Nhận thông báo: the signed-in citizen's choice of channels (ADR 0043).</summary>
    public const string Notifications = "/Portal/Notifications";

    /// <summary>Nộp hồ sơ trực tuyến of one procedure (VNeID sign-in, ADR 0049).</summary>
    public static string Submission(string procedureCode) => "/Portal/Submission?code=" + Uri.EscapeDataString(procedureCode);
}

namespace OneStop.Integration.Connectors;

/// <summary>The national systems the province connects to (each with a simulator under /sandbox/{Key}).</summary>
internal sealed record NationalSystem(string Key, string NameVi, string NameEn)
{
    public static readonly NationalSystem Population = new("population", "Cơ sở dữ liệu quốc gia về dân cư", "National Population Database");
    public static readonly NationalSystem Business = new("business", "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "National Business Registration Database");
    public static readonly NationalSystem Land = new("land", "Cơ sở dữ liệu quốc gia về đất đai", "National Land Database");

    public static readonly NationalSystem Portal = new("portal", "Cổng Dịch vụ công quốc gia", "National Public Service Portal");

    /// <summary>Hệ thống thông tin chỉ đạo, điều hành của Chính phủ: receives the province's indicators.</summary>
    public static readonly NationalSystem CommandCentre = new("command-centre", "Hệ thống thông tin chỉ đạo, điều hành của Chính phủ", "Government information and command centre");

    public static readonly IReadOnlyList<NationalSystem> All = [Population, Business, Land, Portal, CommandCentre];

    /// <summary>The national databases (counted by the plan's "national databases connected" target).</summary>
    public static readonly IReadOnlyList<NationalSystem> Databases = [Population, Business, Land];

    public string HttpClientName => "national:" + Key;

    /// <summary>The name in the reader's language (the request's UI culture), for messages.</summary>
    public string Name => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : NameVi;

    public static NationalSystem? Find(string key) => All.FirstOrDefault(s => s.Key == key);
}

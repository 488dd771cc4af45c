namespace OneStop.Integration.Connectors;

/// <summary>The national systems the province connects to (each with a simulator under /sandbox/{Key}).</summary>
internal sealed record NationalSystem(string Key, string NameVi, string NameEn)
{
    public static readonly NationalSystem Population = new("population", "Cơ sở dữ liệu quốc gia về dân cư", "National Population Database");
    public static readonly NationalSystem Business = new("business", "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "National Business Registration Database");
    public static readonly NationalSystem Land = new("land", "Cơ sở dữ liệu quốc gia về đất đai", "National Land Database");

    public static readonly NationalSystem Portal = new("portal", "Cổng Dịch vụ công quốc gia", "National Public Service Portal");

    public static readonly IReadOnlyList<NationalSystem> All = [Population, Business, Land, Portal];

    public string HttpClientName => "national:" + Key;

    public static NationalSystem? Find(string key) => All.FirstOrDefault(s => s.Key == key);
}

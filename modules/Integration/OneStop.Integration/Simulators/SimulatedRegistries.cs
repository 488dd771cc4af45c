using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneStop.Integration.Contracts;
using OneStop.Platform;

namespace OneStop.Integration.Simulators;

/// <summary>
/// Data the simulators answer with: a few fixed records for demos and tests, and, for any other well-formed number, a
/// record derived deterministically from it (same number, same person), placed in Hải Dương. Numbers ending in 0000
/// (citizens) or 000 (enterprises, parcels) do not exist — so "not found" can be shown too.
/// </summary>
internal static class SimulatedRegistries
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Phạm"];
    private static readonly string[] MiddleMale = ["Văn", "Đức", "Minh", "Quang", "Hữu"];
    private static readonly string[] MiddleFemale = ["Thị", "Thu", "Ngọc", "Thanh", "Minh"];
    private static readonly string[] GivenMale = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Phong", "Quân", "Sơn", "Tuấn"];
    private static readonly string[] GivenFemale = ["Anh", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Phương", "Thảo", "Yến"];
    private static readonly string[] Wards =
    [
        "Phường Cẩm Thượng, Thành phố Hải Dương", "Phường Bình Hàn, Thành phố Hải Dương", "Phường Ngọc Châu, Thành phố Hải Dương",
        "Phường Cộng Hoà, Thành phố Chí Linh", "Thị trấn Nam Sách, Huyện Nam Sách", "Thị trấn Gia Lộc, Huyện Gia Lộc",
        "Xã Cộng Hòa, Huyện Kim Thành", "Thị trấn Tứ Kỳ, Huyện Tứ Kỳ",
    ];

    /// <summary>Fixed citizens used in demos and tests (fictitious).</summary>
    public static readonly CitizenIdentity[] KnownCitizens =
    [
        new("030090001234", "Nguyễn Văn An", new DateOnly(1990, 5, 12), "Nam", "Xã Cộng Hòa, Huyện Nam Sách, Tỉnh Hải Dương", "Số 12 đường Bạch Đằng, Phường Cẩm Thượng, Thành phố Hải Dương, Tỉnh Hải Dương", "2021-06-15"),
        new("030185004567", "Trần Thị Bích Ngọc", new DateOnly(1985, 11, 3), "Nữ", "Phường Cộng Hoà, Thành phố Chí Linh, Tỉnh Hải Dương", "Số 45 đường Nguyễn Lương Bằng, Phường Bình Hàn, Thành phố Hải Dương, Tỉnh Hải Dương", "2021-08-02"),
        new("030203009876", "Phạm Minh Đức", new DateOnly(2003, 1, 28), "Nam", "Thị trấn Gia Lộc, Huyện Gia Lộc, Tỉnh Hải Dương", "Thôn Phú Lương, Xã Thống Nhất, Huyện Gia Lộc, Tỉnh Hải Dương", "2022-03-10"),
    ];

    public static CitizenIdentity? FindCitizen(string citizenId)
    {
        if (KnownCitizens.FirstOrDefault(c => c.CitizenId == citizenId) is { } known)
        {
            return known;
        }

        if (CitizenIdFormat.Decode(citizenId) is not { } decoded || citizenId.EndsWith("0000", StringComparison.Ordinal))
        {
            return null;
        }

        var h = Hash(citizenId);
        var male = decoded.Male;
        var name = $"{Pick(FamilyNames, h, 0)} {Pick(male ? MiddleMale : MiddleFemale, h, 1)} {Pick(male ? GivenMale : GivenFemale, h, 2)}";
        var birth = new DateOnly(decoded.BirthYear, 1 + h[3] % 12, 1 + h[4] % 28);
        return new CitizenIdentity(citizenId, name, birth, male ? "Nam" : "Nữ", Pick(Wards, h, 5) + ", Tỉnh Hải Dương",
            $"Số {1 + h[6] % 150} {Pick(Wards, h, 7)}, Tỉnh Hải Dương", new DateOnly(2021, 1 + h[8] % 12, 1 + h[9] % 28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static Enterprise? FindEnterprise(string code)
    {
        if (code.Length is not (10 or 13) || !code.All(c => char.IsAsciiDigit(c) || c == '-') || code.EndsWith("000", StringComparison.Ordinal))
        {
            return null;
        }

        var h = Hash(code);
        string[] kinds = ["Công ty TNHH một thành viên", "Công ty TNHH hai thành viên trở lên", "Công ty cổ phần", "Doanh nghiệp tư nhân"];
        string[] trades = ["Thương mại Hải Dương", "Xây dựng Thành Đông", "May mặc Kim Thành", "Gốm sứ Chu Đậu", "Vận tải Chí Linh", "Nông sản Thanh Hà"];
        var owner = FindCitizen("0300" + (80 + h[0] % 15).ToString(CultureInfo.InvariantCulture) + (100000 + h[1] * 37 % 899999).ToString(CultureInfo.InvariantCulture)) ?? KnownCitizens[0];
        return new Enterprise(code, $"{Pick(kinds, h, 2)} {Pick(trades, h, 3)}", Pick(kinds, h, 2), h[4] % 10 == 0 ? "Tạm ngừng kinh doanh" : "Đang hoạt động",
            $"Số {1 + h[5] % 200} {Pick(Wards, h, 6)}, Tỉnh Hải Dương", owner.FullName, new DateOnly(2005 + h[7] % 19, 1 + h[8] % 12, 1 + h[9] % 28));
    }

    public static LandParcel? FindParcel(string certificateNumber)
    {
        var normalized = certificateNumber.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (normalized.Length != 8 || !normalized[..2].All(char.IsAsciiLetterUpper) || !normalized[2..].All(char.IsAsciiDigit) || normalized.EndsWith("000", StringComparison.Ordinal))
        {
            return null;
        }

        var h = Hash(normalized);
        string[] uses = ["Đất ở tại nông thôn (ONT)", "Đất ở tại đô thị (ODT)", "Đất trồng lúa (LUC)", "Đất trồng cây lâu năm (CLN)"];
        var holder = FindCitizen("0301" + (70 + h[0] % 25).ToString(CultureInfo.InvariantCulture) + (100000 + h[1] * 53 % 899999).ToString(CultureInfo.InvariantCulture)) ?? KnownCitizens[1];
        return new LandParcel($"{normalized[..2]} {normalized[2..]}", (1 + h[2] * 7 % 900).ToString(CultureInfo.InvariantCulture), (1 + h[3] % 60).ToString(CultureInfo.InvariantCulture),
            Math.Round(50 + h[4] * 3.7m, 1), Pick(uses, h, 5), Pick(Wards, h, 6) + ", Tỉnh Hải Dương", holder.FullName);
    }

    /// <summary>
    /// The citizen's data store on the national portal: a CCCD card for every citizen the population database knows, a
    /// birth certificate for most, and for some a marriage certificate or a residence confirmation (each citizen always
    /// gets the same papers). Unknown citizens have an empty store.
    /// </summary>
    public static IReadOnlyList<PortalDocument> PortalDocuments(string citizenId)
    {
        if (FindCitizen(citizenId) is not { } citizen)
        {
            return [];
        }

        var h = Hash("store:" + citizenId);
        var issued = citizen.IssuedOn is { } on ? DateOnly.Parse(on, CultureInfo.InvariantCulture) : new DateOnly(2021, 6, 1);
        var documents = new List<PortalDocument>
        {
            new($"CCCD-{citizenId}", "CD-CCCD", "Căn cước công dân", "Cục Cảnh sát quản lý hành chính về trật tự xã hội", issued, issued.AddYears(15), null),
        };
        if (h[0] % 10 < 8)
        {
            documents.Add(new($"KS-{citizen.DateOfBirth.Year}-{100 + h[1]:D4}", "HT-GKS", "Giấy khai sinh (bản sao điện tử)", "Ủy ban nhân dân " + Pick(Wards, h, 2).Split(',')[0],
                citizen.DateOfBirth.AddDays(10 + h[3] % 40), null, null));
        }

        if (h[4] % 10 < 4 && citizen.DateOfBirth.Year < 2004)
        {
            documents.Add(new($"KH-{2015 + h[5] % 9}-{100 + h[6]:D4}", "HT-GCNKH", "Giấy chứng nhận kết hôn", "Ủy ban nhân dân " + Pick(Wards, h, 7).Split(',')[0],
                new DateOnly(2015 + h[5] % 9, 1 + h[8] % 12, 1 + h[9] % 28), null, null));
        }

        if (h[10] % 10 < 3)
        {
            var on2 = new DateOnly(2026, 1 + h[11] % 10, 1 + h[12] % 28);
            documents.Add(new($"CT07-{h[13]:D3}{h[14]:D3}", "CT-CT07", "Giấy xác nhận thông tin về cư trú (CT07)", "Công an " + Pick(Wards, h, 15).Split(',')[0],
                on2, on2.AddMonths(6), null));
        }

        return documents;
    }

    /// <summary>Names compare without case, extra spaces or diacritics (officers type "Nguyen Van An" too).</summary>
    public static bool SameName(string a, string b) => Words(a) == Words(b);

    private static string Words(string s) => string.Join(' ', VietnameseText.Fold(s).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hash(string s) => SHA256.HashData(Encoding.UTF8.GetBytes(s));

    private static string Pick(string[] values, byte[] h, int i) => values[h[i] % values.Length];
}

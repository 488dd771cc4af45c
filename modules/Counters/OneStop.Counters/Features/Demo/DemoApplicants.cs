using System.Globalization;
using OneStop.Counters.Features.Dossiers;

namespace OneStop.Counters.Features.Demo;

/// <summary>
/// Made-up applicants for the demo dataset: common Vietnamese names (so "nguyen van" finds many), identity numbers of
/// Hải Dương's issuing code 030 that decode to the birth year and gender, addresses in the receiving unit.
/// </summary>
internal static class DemoApplicants
{
    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 5), ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3),
        ("Hồ", 2), ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Đinh", 2), ("Mạc", 1), ("Phùng", 1),
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công", "Thành"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Minh", "Thanh", "Phương", "Hồng"];

    private static readonly string[] MaleGiven =
        ["An", "Bình", "Cường", "Dũng", "Duy", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Long", "Mạnh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Việt"];

    private static readonly string[] FemaleGiven =
        ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Huyền", "Hương", "Lan", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Vân", "Yến"];

    private static readonly string[] Streets =
        ["Nguyễn Lương Bằng", "Trần Hưng Đạo", "Lê Thanh Nghị", "Nguyễn Trãi", "Điện Biên Phủ", "Thanh Niên", "Ngô Quyền", "Trường Chinh", "Hồng Quang", "Bạch Đằng", "Phạm Ngũ Lão", "Chi Lăng"];

    public static IntakeApplicant Next(Random rng, string unitName, DateOnly on)
    {
        var male = rng.Next(2) == 0;
        var family = Pick(rng, FamilyNames);
        var middle = male ? MaleMiddle[rng.Next(MaleMiddle.Length)] : FemaleMiddle[rng.Next(FemaleMiddle.Length)];
        var given = male ? MaleGiven[rng.Next(MaleGiven.Length)] : FemaleGiven[rng.Next(FemaleGiven.Length)];
        var birth = new DateOnly(on.Year - 18 - rng.Next(60), 1 + rng.Next(12), 1 + rng.Next(28));
        // CCCD: province code, gender/century digit (0 male 1 female in the 1900s, 2/3 in the 2000s), year, serial.
        var century = birth.Year >= 2000 ? 2 : 0;
        var identity = string.Create(CultureInfo.InvariantCulture, $"030{century + (male ? 0 : 1)}{birth.Year % 100:D2}{rng.Next(1_000_000):D6}");
        var address = $"Số {1 + rng.Next(220)} đường {Streets[rng.Next(Streets.Length)]}, {unitName}";
        var phone = "09" + rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        return new IntakeApplicant(Contracts.ApplicantKinds.Citizen, identity, $"{family} {middle} {given}", birth, address, phone);
    }

    private static string Pick(Random rng, (string Name, int Weight)[] weighted)
    {
        var roll = rng.Next(weighted.Sum(w => w.Weight));
        foreach (var (name, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return name;
            }
        }

        return weighted[0].Name;
    }
}

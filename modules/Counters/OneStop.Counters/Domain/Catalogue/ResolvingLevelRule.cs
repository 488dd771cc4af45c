using OneStop.Platform;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>
/// Derives cấp thực hiện from the catalogue's free-text executing agencies, part by part (they are ';'-separated):
/// "… cấp xã", "Công an cấp Xã" → commune; "… cấp huyện", a "Phòng …" (Phòng Tư pháp, Phòng Kinh tế), a "Chi nhánh
/// Văn phòng đăng ký đất đai" → district; "Sở …", "… cấp tỉnh", "UBND tỉnh", "Ban Quản lý …", a (provincial)
/// "Văn phòng đăng ký đất đai" → province. Central bodies (Bộ, Cục, embassies) and empty text give no level: an
/// administrator sets it by hand.
/// </summary>
internal static class ResolvingLevelRule
{
    public static (bool Commune, bool District, bool Province) Derive(string executingAgencies)
    {
        bool commune = false, district = false, province = false;
        foreach (var raw in executingAgencies.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = VietnameseText.Fold(raw);
            if (part.Contains("cap xa") || part.Contains("uy ban nhan dan xa") || part.Contains("ubnd xa"))
            {
                commune = true;
            }
            else if (part.Contains("cap huyen") || part.StartsWith("phong ") || part.StartsWith("chi nhanh van phong dang ky dat dai"))
            {
                district = true;
            }
            else if (part.StartsWith("so ") || part.Contains("cap tinh") || part.Contains("ubnd tinh") || part.Contains("uy ban nhan dan tinh")
                     || part.StartsWith("ban quan ly") || part.StartsWith("van phong dang ky dat dai"))
            {
                province = true;
            }
        }

        return (commune, district, province);
    }
}

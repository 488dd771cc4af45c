using OneStop.Platform;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>
/// Which procedures are connected to the national population database at seeding (Decision 766, indicator 5.7): the
/// fields whose records are the population database's own — civil status (hộ tịch), residence (cư trú) and exit and
/// entry (xuất nhập cảnh), the services Decision 06/QĐ-TTg integrated first. Administrators change the flag per procedure.
/// </summary>
internal static class PopulationDataRule
{
    public static bool Connected(string field)
    {
        var folded = VietnameseText.Fold(field);
        return folded.Contains("ho tich") || folded.Contains("cu tru") || folded.Contains("xuat nhap canh");
    }
}

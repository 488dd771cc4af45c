using System.Text.RegularExpressions;

namespace OneStop.Counters.Features.Catalogue.ProcedureVersions;

/// <summary>Mã thủ tục: the national catalogue's codes ("1.001193", "2.000815") and a province's own, letters, digits, dots and dashes.</summary>
internal static partial class ProcedureCodes
{
    public static bool IsValid(string? code) => code is not null && Format().IsMatch(code);

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-]{2,31}$")]
    private static partial Regex Format();
}

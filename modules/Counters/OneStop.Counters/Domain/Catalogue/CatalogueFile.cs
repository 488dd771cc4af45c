using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OneStop.Counters.Features;
using OneStop.Platform;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>One procedure of a catalogue file, as the catalogue will hold it.</summary>
internal sealed record CatalogueRow(
    int Line,
    string Code,
    string Name,
    string Field,
    string ExecutingAgency,
    IReadOnlyList<string> Channels,
    IReadOnlyList<ChannelTime> Times,
    IReadOnlyList<ChannelFee> Fees)
{
    public string ChannelsText => string.Join(';', Channels.OrderBy(c => Array.IndexOf(Catalogue.Channels.All, c)));

    public string FeesText => CatalogueFile.FeesText(Fees.Select(f => (f.Channel, f.Kind, f.AmountVnd)));

    public string TimesText => CatalogueFile.TimesText(Times.Select(t => (t.Channel, t.Value, t.Unit)));
}

/// <summary>A problem of a catalogue file: its message code and arguments (line numbers start at 1 with the header).</summary>
internal sealed record CatalogueFileError(string MessageCode, params object?[] Arguments);

/// <summary>
/// Reads a catalogue file in the national portal's export format (the shipped <c>tthc-catalog-2026-07.csv</c>): UTF-8
/// CSV with a header. Refuses the whole file — nothing is imported — when a column is missing, a code is empty or
/// repeated, or a time in <c>channel_processing</c> with a time unit (WORKING_DAY, HOUR, DAY, MONTH) is not a number.
/// Free text with the unit OTHER is the portal's own wording and stays accepted (see <see cref="CatalogueCsv"/>).
/// Codes are compared verbatim (no trimming); other cells are trimmed.
/// </summary>
internal static partial class CatalogueFile
{
    public const string CodeColumn = "code";
    public const string NameColumn = "name";
    public const string FieldColumn = "categories";
    public const string AgencyColumn = "executing_departments";
    public const string CasesColumn = "processing_cases(code:qty unit)";
    public const string ChannelsColumn = "channel_processing(method:qty unit)";
    public const string FeesColumn = "fees_vnd(method:type=value)";

    public static readonly string[] RequiredColumns = [CodeColumn, NameColumn, FieldColumn, AgencyColumn, CasesColumn, ChannelsColumn, FeesColumn];

    private static readonly string[] TimeUnits = ["WORKING_DAY", "HOUR", "DAY", "MONTH"];

    /// <summary>At most this many errors are reported; the file is refused either way.</summary>
    public const int MaxErrors = 50;

    [GeneratedRegex(@"^(DIRECT|ONLINE|POSTAL):(.*) ([A-Z_]+)$", RegexOptions.Singleline)]
    private static partial Regex ChannelPart();

    [GeneratedRegex(@"^\d+(?:[.,]\d+)?$")]
    private static partial Regex NumberPattern();

    public static (IReadOnlyList<CatalogueRow> Rows, IReadOnlyList<CatalogueFileError> Errors) Read(TextReader reader)
    {
        var errors = new List<CatalogueFileError>();
        var rows = new List<CatalogueRow>();
        string[]? header = null;
        Dictionary<string, int> index = [];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = OneStop.Platform.SeedData.Csv.SplitLine(text);
            if (header is null)
            {
                header = fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
                for (var i = 0; i < header.Length; i++)
                {
                    index.TryAdd(header[i], i);
                }

                var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
                if (missing.Count > 0)
                {
                    errors.Add(new CatalogueFileError(CountersMessages.CatalogueImportColumnsMissing, string.Join(", ", missing)));
                    return ([], errors);
                }

                continue;
            }

            string Cell(string column) => index[column] < fields.Count ? fields[index[column]].Trim() : "";
            // The code is an identifier taken verbatim: the national file holds " 1.014325" (a Tuyên Quang procedure,
            // with a leading space) beside a different procedure 1.014325; both are kept (ADR 0025).
            var code = index[CodeColumn] < fields.Count ? fields[index[CodeColumn]] : "";
            if (code.Trim().Length == 0 || code.Length > 32)
            {
                errors.Add(new CatalogueFileError(CountersMessages.CatalogueImportCodeInvalid, line));
            }
            else if (seen.TryGetValue(code, out var first))
            {
                errors.Add(new CatalogueFileError(CountersMessages.CatalogueImportCodeDuplicate, code, first, line));
            }
            else
            {
                seen[code] = line;
            }

            var name = Cell(NameColumn);
            if (name.Length == 0)
            {
                errors.Add(new CatalogueFileError(CountersMessages.CatalogueImportNameMissing, line, code));
            }

            var channels = Cell(ChannelsColumn);
            foreach (var part in channels.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var m = ChannelPart().Match(part);
                if (m.Success && TimeUnits.Contains(m.Groups[3].Value) && !NumberPattern().IsMatch(m.Groups[2].Value))
                {
                    errors.Add(new CatalogueFileError(CountersMessages.CatalogueImportTimeNotNumber, line, code, part));
                }
            }

            if (errors.Count >= MaxErrors)
            {
                return ([], errors);
            }

            if (errors.Count == 0)
            {
                rows.Add(new CatalogueRow(line, code, Limit(name, 2000), Limit(Cell(FieldColumn), 256), Limit(Cell(AgencyColumn), 2000),
                    CatalogueCsv.ChannelsOf(channels), CatalogueCsv.Times(channels, Cell(CasesColumn)), CatalogueCsv.Fees(Cell(FeesColumn))));
            }
        }

        if (header is null)
        {
            errors.Add(new CatalogueFileError(CountersMessages.CatalogueImportEmpty));
        }
        else if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new CatalogueFileError(CountersMessages.CatalogueImportNoRows));
        }

        return errors.Count > 0 ? ([], errors) : (rows, errors);
    }

    public static string FeesText(IEnumerable<(string Channel, string Kind, decimal Amount)> fees) =>
        string.Join(';', fees.OrderBy(f => Array.IndexOf(Channels.All, f.Channel)).ThenBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Amount)
            .Select(f => $"{f.Channel}:{f.Kind}={f.Amount.ToString("0.##", CultureInfo.InvariantCulture)}"));

    public static string TimesText(IEnumerable<(string Channel, decimal Value, string Unit)> times) =>
        string.Join(';', times.OrderBy(t => Array.IndexOf(Channels.All, t.Channel)).ThenBy(t => t.Value)
            .Select(t => $"{t.Channel}:{t.Value.ToString("0.##", CultureInfo.InvariantCulture)} {t.Unit}"));

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}

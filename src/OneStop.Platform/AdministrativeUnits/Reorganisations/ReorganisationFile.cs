using System.Globalization;
using System.Text;
using System.Text.Json;
using OneStop.Platform.SeedData;
using OneStop.Platform.Localization;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// Reads a change set from a file: the documented CSV form (<c>etc/docs/reorganisation-csv.md</c>), or the two JSON
/// mappings shipped for Hải Dương (the 2024-12-01 commune merger and the 2025-07-01 move into Hải Phòng).
/// </summary>
public static class ReorganisationFile
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxOperations = 5000;

    public static readonly string[] CsvColumns = ["operation", "code", "name", "level", "kind", "parent_code", "successor_codes", "desk_name", "note"];

    /// <param name="unitsBefore">Units that exist the day before the change set takes effect (the 2025 mapping retires their districts).</param>
    public static (ReorganisationPlan? Plan, IReadOnlyList<ReorganisationProblem> Problems) Read(
        string content, string fileName, string? title, string? legalBasis, DateOnly? effectiveOn,
        Func<DateOnly, IReadOnlyList<AdministrativeUnitInfo>> unitsBefore)
    {
        try
        {
            return fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? ReadJson(content, title, legalBasis, effectiveOn, unitsBefore)
                : ReadCsv(content, title, legalBasis, effectiveOn);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return (null, [new(0, Messages.Text(UnitsMessages.FileFormatInvalid, e.Message))]);
        }
    }

    private static (ReorganisationPlan?, IReadOnlyList<ReorganisationProblem>) ReadCsv(string content, string? title, string? basis, DateOnly? effectiveOn)
    {
        var problems = new List<ReorganisationProblem>();
        var rows = Csv.Read(new StringReader(content)).ToList();
        var header = content.Split('\n', 2)[0].Trim().TrimStart('\uFEFF').Split(',').Select(h => h.Trim().Trim('"')).ToList();
        if (!header.Contains("operation") || !header.Contains("code"))
        {
            return (null, [new(1, Messages.Text(UnitsMessages.CsvHeaderInvalid, string.Join(", ", CsvColumns)))]);
        }

        if (effectiveOn is null)
        {
            problems.Add(new(0, Messages.Text(UnitsMessages.EffectiveOnMissing)));
        }

        if (rows.Count == 0)
        {
            problems.Add(new(0, Messages.Text(UnitsMessages.FileHasNoOperations)));
        }

        if (rows.Count > MaxOperations)
        {
            return (null, [new(0, Messages.Text(UnitsMessages.FileTooManyRows, rows.Count, MaxOperations))]);
        }

        var operations = new List<ReorganisationOperation>();
        var line = 1;
        foreach (var row in rows)
        {
            line++;
            var kind = Field(row, "operation").ToLowerInvariant();
            var code = Field(row, "code");
            if (!ReorganisationOperationKinds.All.Contains(kind))
            {
                problems.Add(new(line, Messages.Text(UnitsMessages.OperationUnknownInFile, kind, string.Join(", ", ReorganisationOperationKinds.All))));
                continue;
            }

            if (code.Length is 0 or > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                problems.Add(new(line, Messages.Text(UnitsMessages.CodeInvalid)));
                continue;
            }

            var successors = Field(row, "successor_codes").Split(['|', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            operations.Add(new ReorganisationOperation(kind, code, NullIfEmpty(Field(row, "name")), NullIfEmpty(Field(row, "level")),
                NullIfEmpty(Field(row, "kind")), NullIfEmpty(Field(row, "parent_code")), successors, NullIfEmpty(Field(row, "desk_name")),
                NullIfEmpty(Field(row, "note")), line));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new ReorganisationPlan(Title(title, "Phương án sắp xếp"), basis?.Trim() ?? "", effectiveOn!.Value, operations), problems);
    }

    private static (ReorganisationPlan?, IReadOnlyList<ReorganisationProblem>) ReadJson(
        string content, string? title, string? basis, DateOnly? effectiveOn, Func<DateOnly, IReadOnlyList<AdministrativeUnitInfo>> unitsBefore)
    {
        using var json = JsonDocument.Parse(content);
        var root = json.RootElement;
        var source = root.TryGetProperty("_source", out var s) ? s : default;
        if (root.TryGetProperty("changes", out var changes))
        {
            // 2024 form: each change forms a new commune from whole predecessors, keeping one predecessor's code.
            var on = effectiveOn ?? DateOnly.Parse(source.GetProperty("effective").GetString()!, CultureInfo.InvariantCulture);
            var operations = new List<ReorganisationOperation>();
            var retired = new Dictionary<string, List<string>>();
            foreach (var change in changes.EnumerateArray())
            {
                var code = change.GetProperty("new_code").GetString()!;
                var name = change.GetProperty("new_name").GetString()!;
                var unitKind = KindOf(change.GetProperty("new_kind").GetString() ?? name);
                operations.Add(new(ReorganisationOperationKinds.CreateUnit, code, name, UnitLevels.Commune, unitKind,
                    change.GetProperty("district_code").GetString(), DeskName: "Bộ phận Một cửa " + name,
                    Note: change.TryGetProperty("evidence", out var ev) ? "mức bằng chứng " + ev.GetString() : null));
                foreach (var from in change.GetProperty("from").EnumerateArray())
                {
                    var old = from.GetProperty("code").GetString()!;
                    if (!retired.TryGetValue(old, out var list))
                    {
                        retired[old] = list = [];
                    }

                    list.Add(code);
                }
            }

            operations.AddRange(retired.Select(r => new ReorganisationOperation(ReorganisationOperationKinds.RetireUnit, r.Key, Successors: r.Value)));
            var resolution = source.TryGetProperty("resolution", out var res) ? res.GetString() : null;
            return (new ReorganisationPlan(Title(title, $"Sắp xếp đơn vị hành chính cấp xã từ {on:dd/MM/yyyy}"), basis ?? resolution ?? "", on, operations), []);
        }

        if (root.TryGetProperty("data", out var data))
        {
            // 2025 form (dvhcvn/20250701 splits.json): old province → new province, old communes → new communes; the
            // district tier is abolished, so every district of the old province is retired into the new province.
            var on = effectiveOn ?? new DateOnly(2025, 7, 1);
            var before = unitsBefore(on.AddDays(-1));
            var operations = new List<ReorganisationOperation>();
            var created = new HashSet<string>();
            foreach (var province in data.EnumerateArray())
            {
                var oldProvince = province.GetProperty("level1_id").GetString()!;
                var newProvince = province.GetProperty("splits")[0];
                var newProvinceCode = newProvince.GetProperty("new_id").GetString()!;
                var newProvinceName = newProvince.GetProperty("name").GetString()!;
                if (created.Add(newProvinceCode) && !before.Any(u => u.Code == newProvinceCode && u.Level == UnitLevels.Province))
                {
                    operations.Add(new(ReorganisationOperationKinds.CreateUnit, newProvinceCode, newProvinceName, UnitLevels.Province, KindOf(newProvinceName),
                        DeskName: null));
                }

                foreach (var commune in province.GetProperty("level3s").EnumerateArray())
                {
                    var successors = commune.GetProperty("splits").EnumerateArray()
                        .Select(x => (Code: x.GetProperty("new_id").GetString()!, Name: x.GetProperty("name").GetString()!))
                        .DistinctBy(x => x.Code).ToList();
                    foreach (var (code, name) in successors.Where(x => created.Add(x.Code)))
                    {
                        operations.Add(new(ReorganisationOperationKinds.CreateUnit, code, name, UnitLevels.Commune, KindOf(name), newProvinceCode,
                            DeskName: UnitChanges.DefaultDeskName(name, Reorganiser.ServiceCentresFrom)));
                    }

                    // The file does not say which successor takes the whole: the one keeping the old code is the
                    // likely seat, else the first listed; the preview shows it and the admin may change the dossiers' targets.
                    var oldCode = commune.GetProperty("level3_id").GetString()!;
                    var ordered = successors.OrderByDescending(x => x.Code == oldCode).Select(x => x.Code).ToList();
                    operations.Add(new(ReorganisationOperationKinds.RetireUnit, oldCode, Successors: ordered));
                }

                var oldRoot = before.FirstOrDefault(u => u.Code == oldProvince && u.Level == UnitLevels.Province);
                if (oldRoot is not null)
                {
                    foreach (var district in before.Where(u => u.ParentId == oldRoot.Id && u.Level == UnitLevels.District))
                    {
                        operations.Add(new(ReorganisationOperationKinds.RetireUnit, district.Code, Successors: [newProvinceCode],
                            Note: "bỏ cấp huyện"));
                    }
                }

                operations.Add(new(ReorganisationOperationKinds.RetireUnit, oldProvince, Successors: [newProvinceCode]));
            }

            return (new ReorganisationPlan(Title(title, $"Sắp xếp đơn vị hành chính từ {on:dd/MM/yyyy}"),
                basis ?? "Nghị quyết số 1669/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội", on, operations), []);
        }

        return (null, [new(0, Messages.Text(UnitsMessages.JsonShapeUnknown))]);
    }

    /// <summary>Kinds of unit by the words their names begin with (Phường Thành Đông, Xã An Phú, Đặc khu …), as slugs.</summary>
    private static readonly (string Prefix, string Kind)[] NamePrefixes =
    [
        ("phường", "phuong"), ("thị trấn", "thi-tran"), ("thị xã", "thi-xa"), ("xã", "xa"), ("đặc khu", "dac-khu"),
        ("thành phố", "thanh-pho"), ("tỉnh", "tinh"), ("huyện", "huyen"),
    ];

    /// <summary>"Phường Thành Đông" → phuong; "xã"/"Xã …" → xa; the published kinds as slugs.</summary>
    public static string KindOf(string nameOrKind)
    {
        var lower = nameOrKind.Trim().ToLowerInvariant();
        foreach (var (prefix, kind) in NamePrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return lower.Replace(' ', '-');
    }

    /// <summary>"Phường Tân Hưng" → "Tân Hưng": the name as an address writes it after its own kind word.</summary>
    public static string BareName(string name)
    {
        foreach (var (prefix, _) in NamePrefixes)
        {
            if (name.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                return name[(prefix.Length + 1)..];
            }
        }

        return name;
    }

    private static string Title(string? title, string fallback) => string.IsNullOrWhiteSpace(title) ? fallback : title.Trim();

    private static string Field(Dictionary<string, string> row, string name) => row.TryGetValue(name, out var v) ? v.Trim() : "";

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    internal static string Decode(byte[] bytes) => new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
}

using OneStop.Platform;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Domain.Catalogue;

namespace OneStop.Counters.Infrastructure;

/// <summary>
/// First-start seed of the procedure catalogue from the files in SeedData/ (see SOURCES.md).
/// Each table is seeded only while empty: after that, administrators own the data.
/// </summary>
internal static class CountersSeeder
{
    public static readonly DateOnly FirstVersionEffectiveFrom = new(2021, 1, 1);

    /// <summary>Setting: the embedded default and tests record <see cref="SampleDecision"/>; a real installation enters its own.</summary>
    public const string SampleDecisionSetting = "Seed:SampleDecisions";

    public static async Task SeedAsync(CountersDbContext db, bool sampleDecision, CancellationToken ct)
    {
        if (!await db.Procedures.AnyAsync(ct))
        {
            db.Procedures.AddRange(LoadCatalogue());
            await db.SaveChangesAsync(ct);
        }

        if (!await db.DocumentTypes.AnyAsync(ct))
        {
            db.DocumentTypes.AddRange(LoadDocumentTypes());
            await db.SaveChangesAsync(ct);
        }

        if (sampleDecision && !await db.LocationIndependentDecisions.AnyAsync(ct))
        {
            var civilStatus = await db.Procedures.Where(p => p.Field.Contains("Hộ tịch")).Select(p => p.Code).ToListAsync(ct);
            db.LocationIndependentDecisions.Add(SampleDecision(civilStatus));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// A sample, clearly labelled as such, of what the province's decision lists: civil-status (hộ tịch) procedures,
    /// where location-independent reception started, at every desk of the province. Production never gets it: the law
    /// of a real province is entered from its signed decision (ADR 0027).
    /// </summary>
    public static LocationIndependentDecision SampleDecision(IEnumerable<string> procedureCodes)
    {
        var decision = new LocationIndependentDecision
        {
            Number = "MẪU/QĐ-UBND",
            SignedOn = FirstVersionEffectiveFrom,
            Signer = "(dữ liệu mẫu của bản cài đặt thử)",
            Title = "Danh mục mẫu: thủ tục lĩnh vực hộ tịch tiếp nhận không phụ thuộc địa giới hành chính trong phạm vi tỉnh (thay bằng quyết định của tỉnh)",
            EffectiveFrom = FirstVersionEffectiveFrom,
        };
        decision.SetScope(procedureCodes, wholeProvince: true, []);
        return decision;
    }

    /// <summary>The subset of the national catalogue seeded at first start (the full file is imported by an operator).</summary>
    public const string SubsetFileName = "tthc-catalog-2026-07.subset.csv";

    /// <summary>The whole national catalogue shipped with the product (5,670 procedures), imported from the catalogue's import page.</summary>
    public const string ShippedFileName = "tthc-catalog-2026-07.csv";

    /// <summary>Opens an embedded catalogue file of SeedData/.</summary>
    public static Stream OpenSeedFile(string fileName)
    {
        var assembly = typeof(CountersSeeder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name)!;
    }

    public static List<Procedure> LoadCatalogue()
    {
        var handMade = HandMade();
        using var reader = new StreamReader(OpenSeedFile(SubsetFileName), System.Text.Encoding.UTF8);
        var (rows, errors) = CatalogueFile.Read(reader);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{SubsetFileName}: {errors[0].MessageCode}");
        }

        var source = new CatalogueSource(ProcedureVersionSources.Seed, SubsetFileName, "");
        var procedures = new List<Procedure>();
        foreach (var row in rows)
        {
            // The crawl has no publication dates: the catalogue counts as in force and published, on time, since the
            // plan's start (the same date as legal-time version 1).
            var procedure = CatalogueSync.NewProcedure(row, FirstVersionEffectiveFrom, source, "Theo danh mục TTHC quốc gia (2026-07)");
            if (handMade.TryGetValue(row.Code, out var extra))
            {
                Apply(procedure, extra);
            }

            procedure.Versions.Add(CatalogueSync.Snapshot(procedure, 1, FirstVersionEffectiveFrom, ProcedureVersionStatuses.Active, source, ""));
            procedures.Add(procedure);
        }

        return procedures;
    }

    private static void Apply(Procedure procedure, HandMadeProcedure extra)
    {
        if (extra.Levels is { Length: > 0 } levels)
        {
            procedure.AtCommune = levels.Contains(ResolvingLevels.Commune);
            procedure.AtDistrict = levels.Contains(ResolvingLevels.District);
            procedure.AtProvince = levels.Contains(ResolvingLevels.Province);
        }

        if (extra.LegalTimes is { Length: > 0 } && procedure.LegalTimes.Count == 0)
        {
            foreach (var t in extra.LegalTimes)
            {
                procedure.LegalTimes.Add(new ProcedureLegalTime
                {
                    Version = 1, EffectiveFrom = FirstVersionEffectiveFrom, Channel = t.Channel, Value = t.Value, Unit = t.Unit,
                    Reason = "Nhập tay (chưa có trong danh mục quốc gia)",
                });
            }

            procedure.FullyOnline |= extra.LegalTimes.Any(t => t.Channel == Channels.Online);
        }

        var order = 1;
        foreach (var c in extra.Components ?? [])
        {
            procedure.Components.Add(new ProcedureComponent { Order = order++, Name = c.Name, DocumentTypeCode = c.DocumentTypeCode, Required = c.Required, HandMade = true });
        }
    }

    private static Dictionary<string, HandMadeProcedure> HandMade()
    {
        var assembly = typeof(CountersSeeder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".procedures.handmade.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var file = JsonSerializer.Deserialize<HandMadeFile>(stream, JsonSerializerOptions.Web)!;
        return file.Procedures.ToDictionary(p => p.Code);
    }

    /// <summary>The starting code list of document types (SeedData/document-types.json).</summary>
    public static List<DocumentType> LoadDocumentTypes()
    {
        using var stream = OpenSeedFile("document-types.json");
        var file = JsonSerializer.Deserialize<DocumentTypesFile>(stream, JsonSerializerOptions.Web)!;
        return file.DocumentTypes.Select(d => new DocumentType { Code = d.Code, Name = d.Name }).ToList();
    }

    private sealed record DocumentTypesFile(SeedDocumentType[] DocumentTypes);

    private sealed record SeedDocumentType(string Code, string Name);

    private sealed record HandMadeFile(HandMadeProcedure[] Procedures);

    private sealed record HandMadeProcedure(string Code, string[]? Levels, HandMadeTime[]? LegalTimes, HandMadeComponent[]? Components);

    private sealed record HandMadeTime(string Channel, decimal Value, string Unit);

    private sealed record HandMadeComponent(string Name, string DocumentTypeCode, bool Required);
}

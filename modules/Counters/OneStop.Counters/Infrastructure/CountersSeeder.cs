using OneStop.Platform;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Platform.SeedData;

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

    public static List<Procedure> LoadCatalogue()
    {
        var assembly = typeof(CountersSeeder).Assembly;
        var handMade = HandMade();
        var procedures = new List<Procedure>();
        foreach (var row in Csv.ReadResource(assembly, "tthc-catalog-2026-07.subset.csv"))
        {
            var code = row["code"].Trim();
            if (procedures.Any(p => p.Code == code))
            {
                continue;
            }

            var (commune, district, province) = ResolvingLevelRule.Derive(row["executing_departments"]);
            var channels = CatalogueCsv.ChannelsOf(row["channel_processing(method:qty unit)"]);
            var procedure = new Procedure
            {
                Code = code,
                Name = row["name"],
                Field = row["categories"],
                AtCommune = commune,
                AtDistrict = district,
                AtProvince = province,
                ExecutingAgency = row["executing_departments"],
                FullyOnline = channels.Contains(Channels.Online),
                PostalAllowed = channels.Contains(Channels.Postal),
                // Location-independent reception started with civil status (hộ tịch); other fields are opened by admins.
                LocationIndependent = row["categories"].Contains("Hộ tịch", StringComparison.Ordinal),
                Source = "tthc-catalog-2026-07 (Cổng DVC quốc gia)",
                // The crawl has no publication dates: the catalogue counts as in force and published, on time, since the
                // plan's start (the same date as legal-time version 1).
                EffectiveFrom = FirstVersionEffectiveFrom,
                PublishedOn = FirstVersionEffectiveFrom,
                PopulationDataConnected = PopulationDataRule.Connected(row["categories"]),
            };
            procedure.SearchText = VietnameseText.Fold(procedure.Code + " " + procedure.Name);
            var times = CatalogueCsv.Times(row["channel_processing(method:qty unit)"], row["processing_cases(code:qty unit)"]);
            foreach (var time in times)
            {
                procedure.LegalTimes.Add(new ProcedureLegalTime
                {
                    Version = 1, EffectiveFrom = FirstVersionEffectiveFrom, Channel = time.Channel, Value = time.Value, Unit = time.Unit,
                    Reason = "Theo danh mục TTHC quốc gia (2026-07)",
                });
            }

            foreach (var fee in CatalogueCsv.Fees(row["fees_vnd(method:type=value)"]))
            {
                procedure.Fees.Add(new ProcedureFee { Channel = fee.Channel, Kind = fee.Kind, AmountVnd = fee.AmountVnd });
            }

            if (handMade.TryGetValue(code, out var extra))
            {
                Apply(procedure, extra);
            }

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

    private sealed record HandMadeFile(HandMadeProcedure[] Procedures);

    private sealed record HandMadeProcedure(string Code, string[]? Levels, HandMadeTime[]? LegalTimes, HandMadeComponent[]? Components);

    private sealed record HandMadeTime(string Channel, decimal Value, string Unit);

    private sealed record HandMadeComponent(string Name, string DocumentTypeCode, bool Required);
}

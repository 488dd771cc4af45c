using OneStop.Platform;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>Where a batch of versions comes from: kind (<see cref="ProcedureVersionSources"/>), file name, SHA-256.</summary>
internal sealed record CatalogueSource(string Kind, string Name, string Hash);

/// <summary>One changed attribute of a procedure: change code (name, field, agency, channels, legalTime, fees, status), before, after.</summary>
internal sealed record CatalogueFieldChange(string Field, string Before, string After);

/// <summary>Kinds of a catalogue difference.</summary>
internal static class CatalogueChangeKinds
{
    public const string New = "new";
    public const string Changed = "changed";
    public const string Abolished = "abolished";

    public static readonly string[] All = [New, Changed, Abolished];
}

/// <summary>One procedure that a file adds, changes or abolishes.</summary>
internal sealed record CatalogueDifference(string Kind, string Code, string Name, IReadOnlyList<CatalogueFieldChange> Changes)
{
    public CatalogueRow? Row { get; init; }
    public Procedure? Procedure { get; init; }
}

/// <summary>
/// Đồng bộ danh mục (ADR 0025): compares a catalogue file with the latest version of every procedure, in memory, and
/// turns the differences into new versions. Rules: a code of the file that the catalogue lacks is new; a procedure whose
/// name, field, executing agency, channels, legal times or fees differ is changed (a file without channels or legal
/// times for a procedure does not know them, so those of the catalogue stay — hand-entered times are kept); a procedure
/// of the catalogue that the file lacks is abolished unless its latest version was entered by hand; an abolished
/// procedure the file names again is changed (status) and received again. Resolving levels are derived from the
/// agency for new procedures and when the agency changes. Levels set by hand otherwise stay.
/// </summary>
internal static class CatalogueSync
{
    public const string NameChange = "name";
    public const string FieldChange = "field";
    public const string AgencyChange = "agency";
    public const string ChannelsChange = "channels";
    public const string LegalTimeChange = "legalTime";
    public const string FeesChange = "fees";
    public const string StatusChange = "status";

    public static List<CatalogueDifference> Compare(IReadOnlyList<CatalogueRow> rows, IReadOnlyCollection<Procedure> current)
    {
        var byCode = current.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var result = new List<CatalogueDifference>();
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            inFile.Add(row.Code);
            if (!byCode.TryGetValue(row.Code, out var procedure))
            {
                result.Add(new CatalogueDifference(CatalogueChangeKinds.New, row.Code, row.Name, []) { Row = row });
                continue;
            }

            var changes = Changes(procedure, row);
            if (changes.Count > 0)
            {
                result.Add(new CatalogueDifference(CatalogueChangeKinds.Changed, row.Code, row.Name, changes) { Row = row, Procedure = procedure });
            }
        }

        foreach (var procedure in current.Where(p => !inFile.Contains(p.Code) && p.AbolishedFrom is null).OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var latest = procedure.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
            if (latest?.SourceKind == ProcedureVersionSources.Manual)
            {
                continue;
            }

            result.Add(new CatalogueDifference(CatalogueChangeKinds.Abolished, procedure.Code, procedure.Name,
                [new CatalogueFieldChange(StatusChange, ProcedureVersionStatuses.Active, ProcedureVersionStatuses.Abolished)]) { Procedure = procedure });
        }

        return result.OrderBy(d => Array.IndexOf(CatalogueChangeKinds.All, d.Kind)).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
    }

    public static List<CatalogueFieldChange> Changes(Procedure p, CatalogueRow row)
    {
        var changes = new List<CatalogueFieldChange>();
        if (p.AbolishedFrom is not null)
        {
            changes.Add(new CatalogueFieldChange(StatusChange, ProcedureVersionStatuses.Abolished, ProcedureVersionStatuses.Active));
        }

        Add(changes, NameChange, p.Name, row.Name);
        Add(changes, FieldChange, p.Field, row.Field);
        Add(changes, AgencyChange, p.ExecutingAgency, row.ExecutingAgency);
        if (row.Channels.Count > 0)
        {
            Add(changes, ChannelsChange, ChannelFlags(p.FullyOnline, p.PostalAllowed),
                ChannelFlags(row.Channels.Contains(Channels.Online), row.Channels.Contains(Channels.Postal)));
        }

        if (row.Times.Count > 0)
        {
            Add(changes, LegalTimeChange, TimesText(LatestTimes(p)), row.TimesText);
        }

        Add(changes, FeesChange, CatalogueFile.FeesText(p.Fees.Select(f => (f.Channel, f.Kind, f.AmountVnd))), row.FeesText);
        return changes;
    }

    /// <summary>A new procedure from a file row: its version 1 (active) effective from <paramref name="effectiveFrom"/>.</summary>
    public static Procedure NewProcedure(CatalogueRow row, DateOnly effectiveFrom, CatalogueSource source, string legalTimeReason)
    {
        var (commune, district, province) = ResolvingLevelRule.Derive(row.ExecutingAgency);
        var procedure = new Procedure
        {
            Code = row.Code,
            Name = row.Name,
            Field = row.Field,
            AtCommune = commune,
            AtDistrict = district,
            AtProvince = province,
            ExecutingAgency = row.ExecutingAgency,
            FullyOnline = row.Channels.Contains(Channels.Online),
            PostalAllowed = row.Channels.Contains(Channels.Postal),
            Source = source.Kind == ProcedureVersionSources.Seed ? "tthc-catalog-2026-07 (Cổng DVC quốc gia)" : Limit(source.Name, 512),
            EffectiveFrom = effectiveFrom,
            PublishedOn = effectiveFrom,
            PopulationDataConnected = PopulationDataRule.Connected(row.Field),
        };
        procedure.SearchText = VietnameseText.Fold(procedure.Code + " " + procedure.Name);
        foreach (var time in row.Times)
        {
            procedure.LegalTimes.Add(new ProcedureLegalTime
            {
                ProcedureId = procedure.Id, Version = 1, EffectiveFrom = effectiveFrom, Channel = time.Channel, Value = time.Value, Unit = time.Unit,
                Reason = legalTimeReason,
            });
        }

        foreach (var fee in row.Fees)
        {
            procedure.Fees.Add(new ProcedureFee { ProcedureId = procedure.Id, Channel = fee.Channel, Kind = fee.Kind, AmountVnd = fee.AmountVnd });
        }

        return procedure;
    }

    /// <summary>
    /// The version row describing the procedure as it now stands (call after the change is applied to it): the head's
    /// components and fees become the version's own (ADR 0028); the result types and the e-form, which only versions
    /// carry, are those of the latest loaded version.
    /// </summary>
    public static ProcedureVersion Snapshot(Procedure p, int number, DateOnly effectiveFrom, string status, CatalogueSource source, string changes)
    {
        var previous = p.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        var version = Head(p, number, effectiveFrom, status, source, changes);
        version.ResultTypes = previous?.ResultTypes ?? "";
        version.FormSchema = previous?.FormSchema;
        version.Components = p.Components.OrderBy(c => c.Order).Select(c => new ProcedureVersionComponent
        {
            ProcedureVersionId = version.Id, Order = c.Order, DocumentTypeCode = c.DocumentTypeCode, Name = c.Name, Required = c.Required, SubmissionForm = c.SubmissionForm,
        }).ToList();
        version.Fees = p.Fees.Select(f => new ProcedureVersionFee
        {
            ProcedureVersionId = version.Id, Channel = f.Channel, Kind = f.Kind, AmountVnd = f.AmountVnd, Exemption = f.Exemption,
        }).ToList();
        return version;
    }

    private static ProcedureVersion Head(Procedure p, int number, DateOnly effectiveFrom, string status, CatalogueSource source, string changes) => new()
    {
        ProcedureId = p.Id,
        Number = number,
        EffectiveFrom = effectiveFrom,
        Status = status,
        SourceKind = source.Kind,
        SourceName = Limit(source.Name, 512),
        SourceHash = source.Hash,
        Changes = changes,
        Name = p.Name,
        Field = p.Field,
        ExecutingAgency = p.ExecutingAgency,
        AtCommune = p.AtCommune,
        AtDistrict = p.AtDistrict,
        AtProvince = p.AtProvince,
        ChannelsText = ChannelFlags(p.FullyOnline, p.PostalAllowed),
        OnlinePartial = p.OnlinePartial,
        FeesText = CatalogueFile.FeesText(p.Fees.Select(f => (f.Channel, f.Kind, f.AmountVnd))),
    };

    /// <summary>
    /// Applies a changed row to a tracked procedure as version <c>LatestVersionNumber + 1</c>: the head takes the file's
    /// content; the version's legal times are the file's (or a copy of the current ones when the file has none).
    /// Returns the rows to add; the replaced fees are removed from <paramref name="removedFees"/>.
    /// </summary>
    public static List<object> ApplyChange(Procedure p, CatalogueRow row, IReadOnlyList<CatalogueFieldChange> changes, DateOnly effectiveFrom,
        CatalogueSource source, string legalTimeReason, List<ProcedureFee> removedFees)
    {
        var added = new List<object>();
        var number = p.LatestVersionNumber + 1;
        var times = row.Times.Count > 0
            ? row.Times.Select(t => (t.Channel, t.Value, t.Unit, Reason: legalTimeReason)).ToList()
            : LatestTimes(p).Select(t => (t.Channel, t.Value, t.Unit, t.Reason)).ToList();
        foreach (var t in times)
        {
            added.Add(new ProcedureLegalTime { ProcedureId = p.Id, Version = number, EffectiveFrom = effectiveFrom, Channel = t.Channel, Value = t.Value, Unit = t.Unit, Reason = t.Reason });
        }

        if (changes.Any(c => c.Field == AgencyChange))
        {
            var (commune, district, province) = ResolvingLevelRule.Derive(row.ExecutingAgency);
            if (commune || district || province)
            {
                (p.AtCommune, p.AtDistrict, p.AtProvince) = (commune, district, province);
            }
        }

        p.Name = row.Name;
        p.Field = row.Field;
        p.ExecutingAgency = row.ExecutingAgency;
        p.SearchText = VietnameseText.Fold(p.Code + " " + p.Name);
        if (row.Channels.Count > 0)
        {
            p.FullyOnline = row.Channels.Contains(Channels.Online);
            p.PostalAllowed = row.Channels.Contains(Channels.Postal);
        }

        if (changes.Any(c => c.Field == FeesChange))
        {
            removedFees.AddRange(p.Fees);
            p.Fees = row.Fees.Select(f => new ProcedureFee { ProcedureId = p.Id, Channel = f.Channel, Kind = f.Kind, AmountVnd = f.AmountVnd }).ToList();
            added.AddRange(p.Fees);
        }

        p.AbolishedFrom = null;
        p.EffectiveFrom = effectiveFrom;
        p.PublishedOn = effectiveFrom;
        added.Add(Snapshot(p, number, effectiveFrom, ProcedureVersionStatuses.Active, source, string.Join(';', changes.Select(c => c.Field))));
        return added;
    }

    /// <summary>Abolishes a tracked procedure from <paramref name="effectiveFrom"/>: a version with status abolished.</summary>
    public static ProcedureVersion Abolish(Procedure p, DateOnly effectiveFrom, CatalogueSource source)
    {
        var number = p.LatestVersionNumber + 1;
        p.AbolishedFrom = effectiveFrom;
        return Snapshot(p, number, effectiveFrom, ProcedureVersionStatuses.Abolished, source, StatusChange);
    }

    /// <summary>The latest effective date among a procedure's versions and legal times (a new version must come after it).</summary>
    public static DateOnly? LatestEffectiveFrom(Procedure p) =>
        p.Versions.Select(v => (DateOnly?)v.EffectiveFrom).Concat(p.LegalTimes.Select(t => (DateOnly?)t.EffectiveFrom)).Max();

    private static List<ProcedureLegalTime> LatestTimes(Procedure p)
    {
        var version = p.CurrentVersion;
        return p.LegalTimes.Where(t => t.Version == version).ToList();
    }

    private static string TimesText(IEnumerable<ProcedureLegalTime> times) => CatalogueFile.TimesText(times.Select(t => (t.Channel, t.Value, t.Unit)));

    private static string ChannelFlags(bool online, bool postal) =>
        string.Join(';', new[] { Channels.Direct }.Concat(online ? [Channels.Online] : []).Concat(postal ? [Channels.Postal] : []));

    private static void Add(List<CatalogueFieldChange> changes, string field, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new CatalogueFieldChange(field, before, after));
        }
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}

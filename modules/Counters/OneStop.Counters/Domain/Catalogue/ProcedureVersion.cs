using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>Status of a procedure version: in force, or bãi bỏ (abolished, no longer received).</summary>
internal static class ProcedureVersionStatuses
{
    public const string Active = "active";
    public const string Abolished = "abolished";
}

/// <summary>Where a procedure version came from.</summary>
internal static class ProcedureVersionSources
{
    /// <summary>The first-start seed (the shipped subset of the national catalogue).</summary>
    public const string Seed = "seed";
    /// <summary>An imported catalogue file (name and SHA-256 recorded).</summary>
    public const string Import = "import";
    /// <summary>A change made by hand (legal time, and later the procedure editor).</summary>
    public const string Manual = "manual";
}

/// <summary>
/// Phiên bản thủ tục: what a procedure was from <see cref="EffectiveFrom"/> until the next version (ADR 0025). A dossier
/// keeps the number of the version valid at its reception (<c>Dossier.ProcedureVersion</c>); the legal times of version
/// N are the <see cref="ProcedureLegalTime"/> rows with <c>Version == N</c>. The <see cref="Procedure"/> row carries the
/// content of the latest version for lists and search.
/// </summary>
internal sealed class ProcedureVersion : Entity, IHasAuditStamps
{
    public Guid ProcedureId { get; set; }
    public int Number { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public string Status { get; set; } = ProcedureVersionStatuses.Active;
    public string SourceKind { get; set; } = ProcedureVersionSources.Seed;
    /// <summary>File name of an import, or the reason of a manual change.</summary>
    public string SourceName { get; set; } = "";
    /// <summary>SHA-256 (hex) of the imported file; empty otherwise.</summary>
    public string SourceHash { get; set; } = "";
    /// <summary>What changed from the previous version, as change codes separated by ';' (name, field, agency, channels, legalTime, fees, status).</summary>
    public string Changes { get; set; } = "";

    public string Name { get; set; } = "";
    public string Field { get; set; } = "";
    public string ExecutingAgency { get; set; } = "";
    public bool AtCommune { get; set; }
    public bool AtDistrict { get; set; }
    public bool AtProvince { get; set; }
    /// <summary>Channels, canonical "DIRECT;ONLINE;POSTAL".</summary>
    public string ChannelsText { get; set; } = "";
    /// <summary>Fees, canonical "DIRECT:FEE=50000;ONLINE:FEE=25000".</summary>
    public string FeesText { get; set; } = "";
    /// <summary>Dịch vụ công trực tuyến một phần (the full-online flag is in <see cref="ChannelsText"/>).</summary>
    public bool OnlinePartial { get; set; }
    /// <summary>Kết quả thực hiện: one result type per line (e.g. "Giấy khai sinh (bản chính)").</summary>
    public string ResultTypes { get; set; } = "";
    /// <summary>Biểu mẫu điện tử: a JSON Schema (object of fields) filled at intake and on the portal; null when none.</summary>
    public string? FormSchema { get; set; }
    public List<ProcedureVersionComponent> Components { get; set; } = [];
    public List<ProcedureVersionFee> Fees { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }

    public bool IsAbolished => Status == ProcedureVersionStatuses.Abolished;

    public IEnumerable<string> Levels => ResolvingLevels.Of(AtCommune, AtDistrict, AtProvince);

    /// <summary>Dịch vụ công trực tuyến toàn trình, as <see cref="ChannelsText"/> records it.</summary>
    public bool FullyOnline => ChannelsText.Split(';').Contains(Channels.Online);

    public bool PostalAllowed => ChannelsText.Split(';').Contains(Channels.Postal);

    public IEnumerable<string> ResultTypeList => ResultTypes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

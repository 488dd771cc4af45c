using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>Channels a dossier can arrive by (hình thức nộp).</summary>
internal static class Channels
{
    public const string Direct = "DIRECT";  // trực tiếp
    public const string Online = "ONLINE";  // trực tuyến
    public const string Postal = "POSTAL";  // bưu chính công ích

    public static readonly string[] All = [Direct, Online, Postal];

    public static string NameVi(string channel) => channel switch
    {
        Direct => "Trực tiếp",
        Online => "Trực tuyến",
        Postal => "Bưu chính",
        _ => channel,
    };
}

/// <summary>Resolving levels (cấp thực hiện).</summary>
internal static class ResolvingLevels
{
    public const string Commune = "commune";
    public const string District = "district";
    public const string Province = "province";

    public static readonly string[] All = [Commune, District, Province];

    /// <summary>The levels whose flags are set, in the order of <see cref="All"/>.</summary>
    public static IEnumerable<string> Of(bool commune, bool district, bool province) =>
        new[] { (commune, Commune), (district, District), (province, Province) }.Where(l => l.Item1).Select(l => l.Item2);
}

/// <summary>
/// Thủ tục hành chính of the catalogue. Province-wide reference data: not unit-scoped (every unit of the province applies
/// the same catalogue), read by all staff, edited only by system administrators (Counters.Catalogue.Manage).
/// </summary>
internal sealed class Procedure : Entity, IHasAuditStamps
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Name and code folded to lower-case ASCII ("dang ky khai sinh"), for diacritic-insensitive search.</summary>
    public string SearchText { get; set; } = "";
    /// <summary>Lĩnh vực.</summary>
    public string Field { get; set; } = "";
    public bool AtCommune { get; set; }
    public bool AtDistrict { get; set; }
    public bool AtProvince { get; set; }
    /// <summary>Cơ quan thực hiện, as published.</summary>
    public string ExecutingAgency { get; set; } = "";
    public bool FullyOnline { get; set; }
    /// <summary>Dịch vụ công trực tuyến một phần: submitted online, the result fetched at the desk (ignored when <see cref="FullyOnline"/>).</summary>
    public bool OnlinePartial { get; set; }
    public bool PostalAllowed { get; set; }
    public string Source { get; set; } = "";

    /// <summary>
    /// Ngày có hiệu lực: when the procedure, or its latest amendment, takes effect under its legal basis. It must be
    /// public by then (Decision 766, indicator 1.1: published and updated on time). Null when unknown.
    /// </summary>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>Ngày công bố, công khai: when the province published it (or its latest amendment); null while unpublished.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>
    /// Kết nối CSDL quốc gia về dân cư: intake identifies and prefills the applicant from the population database
    /// (Decision 766, indicator 5.7).
    /// </summary>
    public bool PopulationDataConnected { get; set; }

    public List<ProcedureComponent> Components { get; set; } = [];
    public List<ProcedureLegalTime> LegalTimes { get; set; } = [];
    public List<ProcedureFee> Fees { get; set; } = [];
    public List<ProcedureStep> Steps { get; set; } = [];

    /// <summary>The internal process approved for <paramref name="date"/> (empty when none was: the default applies).</summary>
    public IReadOnlyList<ProcedureStep> StepsOn(DateOnly date)
    {
        var from = Steps.Where(s => s.EffectiveFrom <= date).Select(s => (DateOnly?)s.EffectiveFrom).Max();
        return from is null ? [] : Steps.Where(s => s.EffectiveFrom == from).OrderBy(s => s.Order).ToList();
    }
    public List<ProcedureVersion> Versions { get; set; } = [];

    /// <summary>Ngày bãi bỏ: from this date the procedure is no longer received (its latest version is abolished); null while in force.</summary>
    public DateOnly? AbolishedFrom { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }

    public IEnumerable<string> Levels => ResolvingLevels.Of(AtCommune, AtDistrict, AtProvince);

    /// <summary>The legal-time version valid on <paramref name="date"/>: dossiers received earlier keep their time.</summary>
    public IReadOnlyList<ProcedureLegalTime> LegalTimesOn(DateOnly date)
    {
        var version = LegalTimes.Where(t => t.EffectiveFrom <= date).Select(t => (int?)t.Version).Max();
        return version is null ? [] : LegalTimes.Where(t => t.Version == version).OrderBy(t => Array.IndexOf(Channels.All, t.Channel)).ToList();
    }

    public int CurrentVersion => LegalTimes.Count == 0 ? 0 : LegalTimes.Max(t => t.Version);

    /// <summary>The highest version number used by either the versions or the legal times (the next version is this + 1).</summary>
    public int LatestVersionNumber => Math.Max(CurrentVersion, Versions.Count == 0 ? 0 : Versions.Max(v => v.Number));

    /// <summary>The version valid on <paramref name="date"/> (null before the first one); needs <see cref="Versions"/> loaded.</summary>
    public ProcedureVersion? VersionOn(DateOnly date) =>
        Versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.Number).FirstOrDefault();

    /// <summary>
    /// Thành phần hồ sơ asked for on <paramref name="date"/>: those of the version valid then (ADR 0028), the head's for a
    /// procedure without versions. Needs <see cref="Versions"/> loaded with their components.
    /// </summary>
    public IReadOnlyList<ProcedureComponent> ComponentsOn(DateOnly date) => VersionOn(date) is { } version
        ? version.Components.OrderBy(c => c.Order).Select(c => new ProcedureComponent
        {
            ProcedureId = Id, Order = c.Order, Name = c.Name, DocumentTypeCode = c.DocumentTypeCode, Required = c.Required, SubmissionForm = c.SubmissionForm,
        }).ToList()
        : Components.OrderBy(c => c.Order).ToList();

    /// <summary>Phí, lệ phí on <paramref name="date"/>, like <see cref="ComponentsOn"/>; needs the versions' fees loaded.</summary>
    public IReadOnlyList<ProcedureFee> FeesOn(DateOnly date) => VersionOn(date) is { } version
        ? version.Fees.Select(f => new ProcedureFee { ProcedureId = Id, Channel = f.Channel, Kind = f.Kind, AmountVnd = f.AmountVnd, Exemption = f.Exemption }).ToList()
        : Fees;

    /// <summary>Whether intake may receive the procedure on <paramref name="date"/>: not abolished by then.</summary>
    public bool IsReceivableOn(DateOnly date) => AbolishedFrom is not { } abolished || abolished > date;
}

/// <summary>Thành phần hồ sơ: one required document, with its document-type code (mã loại giấy tờ).</summary>
internal sealed class ProcedureComponent : Entity
{
    public Guid ProcedureId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public string DocumentTypeCode { get; set; } = "";
    public bool Required { get; set; } = true;
    /// <summary>One of <see cref="SubmissionForms"/>.</summary>
    public string SubmissionForm { get; set; } = SubmissionForms.Original;
    /// <summary>True for rows written by hand in the seed (the national CSV has no components).</summary>
    public bool HandMade { get; set; }
}

/// <summary>
/// Thời hạn giải quyết of one channel in one version. A change of legal time adds a new version (all channels) with
/// its effective-from date; old versions stay for dossiers received under them.
/// </summary>
internal sealed class ProcedureLegalTime : Entity
{
    public Guid ProcedureId { get; set; }
    public int Version { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public string Channel { get; set; } = "";
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>Phí, lệ phí per channel, in VND.</summary>
internal sealed class ProcedureFee : Entity
{
    public Guid ProcedureId { get; set; }
    public string Channel { get; set; } = "";
    public string Kind { get; set; } = "";
    public decimal AmountVnd { get; set; }
    /// <summary>Đối tượng được miễn, giảm (free text as the procedure's decision states it).</summary>
    public string Exemption { get; set; } = "";
}

/// <summary>
/// A step of the procedure's internal process (quy trình nội bộ giải quyết TTHC) and its time budget in working hours.
/// The provincial chairman approves internal processes by decisions of their own, apart from the procedure's
/// publication, so a process has its own effective date: the steps sharing the latest <see cref="EffectiveFrom"/> on
/// or before a day are the process of that day (ADR 0036).
/// </summary>
internal sealed class ProcedureStep : Entity
{
    public Guid ProcedureId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Who performs it: one of <see cref="ProcessStepKinds"/>.</summary>
    public string Kind { get; set; } = ProcessStepKinds.Process;
    /// <summary>The agency that performs it (a department, Chi cục Thuế, Phòng Tư pháp), or null for the unit itself.</summary>
    public string? AgencyCode { get; set; }
    public decimal BudgetHours { get; set; }
}

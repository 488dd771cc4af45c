using OneStop.Platform.Domain;

namespace OneStop.Evaluation.Domain;

/// <summary>How a KPI's value is formed from its numerator (N) and denominator (D).</summary>
internal static class KpiMeasures
{
    /// <summary>Percentage: 100 × N / D.</summary>
    public const string Ratio = "ratio";
    /// <summary>Average: N / D (e.g. minutes waited / visits).</summary>
    public const string Average = "average";
    /// <summary>A count: N (D unused).</summary>
    public const string Count = "count";
}

internal static class KpiSourceStates
{
    /// <summary>A calculator for the code is registered.</summary>
    public const string Active = "active";
    /// <summary>The module that owns the rows has not contributed its calculator yet.</summary>
    public const string Pending = "pending";
}

/// <summary>
/// Định nghĩa chỉ số: a plan target or a Decision 766 indicator as data — formula (numerator, denominator), the unit
/// levels and periods it applies to, the module that computes it and, for 766 indicators, its points.
/// </summary>
internal sealed class KpiDefinition : Entity
{
    private KpiDefinition() { }

    public KpiDefinition(string code) => Code = code;

    public string Code { get; private set; } = "";

    /// <summary><c>plan</c> for plan targets, <c>i766.1</c>…<c>i766.6</c> for the six groups of the 766 index.</summary>
    public string Group { get; set; } = "";
    public int Order { get; set; }
    public string NameVi { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NumeratorVi { get; set; } = "";
    public string DenominatorVi { get; set; } = "";
    public string NumeratorEn { get; set; } = "";
    public string DenominatorEn { get; set; } = "";
    public string Measure { get; set; } = KpiMeasures.Ratio;

    /// <summary>True when lower is better (waiting time).</summary>
    public bool LowerIsBetter { get; set; }

    /// <summary>Comma-separated unit levels (province,district,commune).</summary>
    public string Levels { get; set; } = "";

    /// <summary>Comma-separated period kinds (day,month,quarter,year).</summary>
    public string Periods { get; set; } = "";

    /// <summary>The module that computes it (Counters, Digitization, Evaluation, …).</summary>
    public string Module { get; set; } = "";
    public string SourceNote { get; set; } = "";

    /// <summary>766 points of the indicator; null for plan targets.</summary>
    public decimal? MaxPoints { get; set; }

    /// <summary>Ratio (0–1) at which the indicator earns full points (e.g. 0.8 for data reuse, 0.9 for satisfaction).</summary>
    public decimal? FullAt { get; set; }

    /// <summary>The plan's wording of the target, shown on the card.</summary>
    public string TargetText { get; set; } = "";

    public IReadOnlyList<string> LevelList => Levels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public IReadOnlyList<string> PeriodList => Periods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public decimal? ValueOf(decimal numerator, decimal denominator) => Measure switch
    {
        KpiMeasures.Count => numerator,
        KpiMeasures.Average => denominator == 0 ? null : Math.Round(numerator / denominator, 2),
        _ => denominator == 0 ? null : Math.Round(100m * numerator / denominator, 2),
    };

    public bool? Meets(decimal? value, decimal? target) =>
        value is null || target is null ? null : LowerIsBetter ? value <= target : value >= target;

    /// <summary>766 score: max × min(1, ratio / full-at); null for plan targets or when nothing was counted.</summary>
    public decimal? PointsOf(decimal numerator, decimal denominator) =>
        MaxPoints is not { } max || denominator == 0 ? null : Math.Round(max * Math.Min(1m, numerator / denominator / (FullAt ?? 1m)), 2);
}

/// <summary>
/// Chỉ tiêu: the target value of a KPI for a year, for one unit (<see cref="UnitId"/>), one unit level
/// (<see cref="Level"/>) or all (both null), with its legal basis (căn cứ: the plan, Decision 766). The target in
/// force for a unit is the most specific: the unit's own, else its level's, else the one for all. Province-wide
/// reference data: audited, written only with <c>Evaluation.Targets.Manage</c>.
/// </summary>
internal sealed class KpiTarget : Entity
{
    private KpiTarget() { }

    public KpiTarget(string code, int year, string? level, decimal value, Guid? unitId = null, string legalBasis = "", bool excludesEspeciallyDifficult = false)
    {
        Code = code;
        Year = year;
        Level = unitId is null ? level : null;
        UnitId = unitId;
        Value = value;
        LegalBasis = legalBasis;
        ExcludesEspeciallyDifficult = excludesEspeciallyDifficult;
    }

    public string Code { get; private set; } = "";
    public int Year { get; private set; }
    public string? Level { get; private set; }

    /// <summary>A target for one unit (overrides its level's and the one for all); null for a level's or all.</summary>
    public Guid? UnitId { get; private set; }
    public decimal Value { get; set; }

    /// <summary>Căn cứ: e.g. "Kế hoạch số 25/KH-UBND", "Quyết định 766/QĐ-TTg".</summary>
    public string LegalBasis { get; private set; } = "";

    /// <summary>"Trừ xã đặc biệt khó khăn": communes designated especially difficult during a period are left out of the KPI (numerator and denominator) for the units this target applies to.</summary>
    public bool ExcludesEspeciallyDifficult { get; private set; }

    public void Change(decimal value, string legalBasis, bool excludesEspeciallyDifficult)
    {
        Value = value;
        LegalBasis = legalBasis;
        ExcludesEspeciallyDifficult = excludesEspeciallyDifficult;
    }

    /// <summary>The same target for another year (copying a year's targets to the next).</summary>
    public KpiTarget ForYear(int year) => new(Code, year, Level, Value, UnitId, LegalBasis, ExcludesEspeciallyDifficult);
}

/// <summary>
/// A computed KPI value of one unit in one period (numerator and denominator summed over the unit's subtree). Derived
/// data, rewritten by every run, so not audited; unit-scoped so a district reads only its own subtree.
/// <see cref="Structure"/> says in which view it holds: <c>both</c> where "as was" and "as is" agree (every period after
/// the latest reorganisation, and any unit untouched by one), else one row per view (ADR 0016).
/// </summary>
[NotAudited]
internal sealed class KpiSnapshot : IUnitScoped
{
    public Guid Id { get; set; } = OneStop.Platform.SequentialGuid.NewGuid();
    public string KpiCode { get; set; } = "";
    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public string UnitLevel { get; set; } = "";
    public string PeriodKind { get; set; } = "";
    public string PeriodKey { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public decimal Numerator { get; set; }
    public decimal Denominator { get; set; }
    public decimal? Value { get; set; }
    public decimal? Target { get; set; }
    public bool? Met { get; set; }
    public decimal? Points { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary><see cref="SnapshotStructures.Both"/>, or <c>was</c> / <c>is</c> (<see cref="OneStop.Evaluation.Contracts.KpiStructures"/>).</summary>
    public string Structure { get; set; } = SnapshotStructures.Both;
}

/// <summary>The views a stored snapshot holds in: one of <see cref="OneStop.Evaluation.Contracts.KpiStructures"/>, or both.</summary>
internal static class SnapshotStructures
{
    public const string Both = "both";
}

/// <summary>Where the incremental run of one calculator left off (its watermark).</summary>
[NotAudited]
internal sealed class KpiWatermark
{
    public string Calculator { get; set; } = "";
    public DateTimeOffset Since { get; set; }
}

/// <summary>One run of the engine, for the cockpit's "computed at" and the jobs log.</summary>
[NotAudited]
internal sealed class KpiRun : Entity
{
    public string Kind { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Periods { get; set; }
    public long Rows { get; set; }
    public string? Error { get; set; }
}

/// <summary>A breached target for which an improvement task was raised in Plan tasks (one per KPI, unit and period).</summary>
internal sealed class KpiBreach : ScopedEntity
{
    private KpiBreach() { }

    public KpiBreach(string kpiCode, string periodKey, Guid unitId, string unitPath, Guid taskAssignmentId, decimal? value, decimal? target)
    {
        KpiCode = kpiCode;
        PeriodKey = periodKey;
        UnitId = unitId;
        UnitPath = unitPath;
        TaskAssignmentId = taskAssignmentId;
        Value = value;
        Target = target;
    }

    public string KpiCode { get; private set; } = "";
    public string PeriodKey { get; private set; } = "";
    public Guid TaskAssignmentId { get; private set; }
    public decimal? Value { get; private set; }
    public decimal? Target { get; private set; }
}

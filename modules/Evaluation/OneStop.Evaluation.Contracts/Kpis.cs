using System.Globalization;

namespace OneStop.Evaluation.Contracts;

/// <summary>Granularity of a KPI snapshot (kỳ tính chỉ số).</summary>
public static class KpiPeriodKinds
{
    public const string Day = "day";
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Year = "year";

    public static readonly string[] All = [Day, Month, Quarter, Year];
}

/// <summary>
/// A period [<see cref="Start"/>, <see cref="End"/>) in local calendar days. <see cref="Key"/> names it
/// (<c>2025</c>, <c>2025-Q3</c>, <c>2025-07</c>, <c>2025-07-14</c>) in snapshots and in the API.
/// </summary>
public sealed record KpiPeriod(string Kind, DateOnly Start, DateOnly End)
{
    public int Year => Start.Year;

    public string Key => Kind switch
    {
        KpiPeriodKinds.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        KpiPeriodKinds.Quarter => $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}",
        KpiPeriodKinds.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Start and end as UTC instants (midnight in Vietnam, UTC+7), for comparing with stored <see cref="DateTimeOffset"/>
    /// columns (PostgreSQL accepts only UTC offsets for timestamptz parameters).
    /// </summary>
    public DateTimeOffset StartsAt => new DateTimeOffset(Start.ToDateTime(TimeOnly.MinValue), VietnamOffset).ToUniversalTime();
    public DateTimeOffset EndsAt => new DateTimeOffset(End.ToDateTime(TimeOnly.MinValue), VietnamOffset).ToUniversalTime();

    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static KpiPeriod ForYear(int year) => new(KpiPeriodKinds.Year, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    public static KpiPeriod ForQuarter(int year, int quarter)
    {
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(KpiPeriodKinds.Quarter, start, start.AddMonths(3));
    }

    public static KpiPeriod ForMonth(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(KpiPeriodKinds.Month, start, start.AddMonths(1));
    }

    public static KpiPeriod ForDay(DateOnly day) => new(KpiPeriodKinds.Day, day, day.AddDays(1));

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="day"/>.</summary>
    public static KpiPeriod Containing(string kind, DateOnly day) => kind switch
    {
        KpiPeriodKinds.Year => ForYear(day.Year),
        KpiPeriodKinds.Quarter => ForQuarter(day.Year, (day.Month - 1) / 3 + 1),
        KpiPeriodKinds.Month => ForMonth(day.Year, day.Month),
        KpiPeriodKinds.Day => ForDay(day),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
    };

    /// <summary>Parses a <see cref="Key"/>; null when it is not one.</summary>
    public static KpiPeriod? Parse(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var k = key.Trim();
        if (k.Length == 4 && int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 2000 and < 2200)
        {
            return ForYear(y);
        }

        if (k.Length == 7 && k[4] == '-' && k[5] is 'Q' or 'q' && int.TryParse(k[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y)
            && int.TryParse(k[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4 && y is > 2000 and < 2200)
        {
            return ForQuarter(y, q);
        }

        if (DateOnly.TryParseExact(k, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            return ForMonth(m.Year, m.Month);
        }

        return DateOnly.TryParseExact(k, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? ForDay(d) : null;
    }

    /// <summary>Every period of the given kinds inside a year.</summary>
    public static IEnumerable<KpiPeriod> InYear(int year, IEnumerable<string> kinds)
    {
        foreach (var kind in kinds.Distinct())
        {
            switch (kind)
            {
                case KpiPeriodKinds.Year:
                    yield return ForYear(year);
                    break;
                case KpiPeriodKinds.Quarter:
                    for (var q = 1; q <= 4; q++) yield return ForQuarter(year, q);
                    break;
                case KpiPeriodKinds.Month:
                    for (var mo = 1; mo <= 12; mo++) yield return ForMonth(year, mo);
                    break;
                case KpiPeriodKinds.Day:
                    for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1)) yield return ForDay(d);
                    break;
            }
        }
    }
}

/// <summary>
/// One unit's numerator and denominator of one KPI in one period, as a module's calculator computes it over its own
/// rows (GROUP BY the owning unit). The engine rolls rows up the unit tree by summing numerators and denominators —
/// never by averaging percentages. Units with nothing to count are simply absent.
/// <para>
/// <see cref="UnitId"/> is the unit the rows belonged to at the time (a dossier's receiving unit, even if it was retired
/// since): the engine rolls it up the tree of that time for the "as was" view and maps it onto today's units for the
/// "as is" view, following primary successors. <see cref="AsIsUnitId"/> overrides that mapping where the module knows
/// better per row — a split unit's dossiers go to the successor named in the applicant's address.
/// </para>
/// </summary>
public sealed record KpiRow(string KpiCode, Guid UnitId, string UnitPath, decimal Numerator, decimal Denominator, Guid? AsIsUnitId = null);

/// <summary>
/// By which structure KPIs are shown: <see cref="Was"/> — the units and tree of the period (each row at the unit it
/// belonged to then, rolled up through the districts of the time); <see cref="Is"/> — mapped onto today's units
/// (predecessors summed into successors). The province's totals are equal in both.
/// </summary>
public static class KpiStructures
{
    public const string Was = "was";
    public const string Is = "is";

    public static readonly string[] All = [Was, Is];
}

/// <summary>A row behind a KPI value, for drill-down from a red card (a dossier, a rating, a complaint, a task).</summary>
/// <param name="Counted">True when the row counts towards the numerator (e.g. on time); false rows are what makes a card red.</param>
/// <param name="Link">Where to open it in the web UI, if anywhere.</param>
public sealed record KpiDetailRow(Guid Id, string Code, string Title, string UnitPath, DateTimeOffset? At, bool Counted, string? Note, string? Link);

/// <summary>
/// What a module contributes to the KPI engine: calculators for some KPI codes, computed set-based in SQL on the
/// module's own database context (never by loading rows into memory). Registered in DI as
/// <c>services.AddScoped&lt;IKpiCalculator, MyCalculator&gt;()</c>; the engine finds them all. Calculators run
/// unrestricted (the engine's job) and must ignore the request scope: they count the whole province.
/// </summary>
public interface IKpiCalculator
{
    /// <summary>The KPI codes this calculator answers (see <see cref="KpiCodes"/>).</summary>
    IReadOnlyCollection<string> KpiCodes { get; }

    /// <summary>Numerator and denominator per owning unit for every code of <see cref="KpiCodes"/> in the period.</summary>
    Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default);

    /// <summary>
    /// For incremental runs: the calendar days whose KPI values may have changed because rows were written at or after
    /// <paramref name="since"/> (e.g. the reception and resolution days of dossiers changed since then).
    /// </summary>
    Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default);

    /// <summary>The rows behind one KPI for a unit path and period, not-counted rows first (drill-down).</summary>
    Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default);
}

/// <summary>
/// Codes of the KPIs: <c>plan.*</c> are the targets of the one-stop plan (KH 2021–2025), <c>i766.*</c> the indicators
/// of the national quality index (Quyết định 766/QĐ-TTg). Definitions, formulas and targets are data seeded by
/// Evaluation; the codes are the contract between Evaluation and the modules computing them.
/// </summary>
public static class KpiCodes
{
    // Plan targets
    public const string ResultsDigitised = "plan.results-digitised";
    public const string DesksDigitising = "plan.desks-digitising";
    public const string NoRepeatDocuments = "plan.no-repeat-documents";
    public const string WaitingTime = "plan.waiting-time";
    public const string ProcessingTimePerDossier = "plan.processing-time";
    public const string OnlineShare = "plan.online-share";
    public const string ElectronicRouting = "plan.electronic-routing";
    public const string ResolvedDigitised = "plan.resolved-digitised";
    public const string Satisfaction = "plan.satisfaction";
    public const string NationalDatabases = "plan.national-databases";
    public const string PlanTasksOnTime = "plan.tasks-done";
    public const string TrainingClasses = "plan.training-classes";
    public const string DeskStaffTrained = "plan.desk-staff-trained";
    public const string OnTimeRate = "plan.on-time";
    public const string SatisfactionCriteria = "plan.satisfaction-criteria";

    // Decision 766 index: group 1 public and transparent (18)
    public const string I766PublishedOnTime = "i766.1.1";
    public const string I766PublishedInFull = "i766.1.2";
    public const string I766StatusSynced = "i766.1.3";
    // group 2 progress (20)
    public const string I766Progress = "i766.2.1";
    // group 3 online public services (12)
    public const string I766FullyOnline = "i766.3.1";
    // group 4 online payment (10)
    public const string I766OnlinePayment = "i766.4.1";
    // group 5 digitisation (22)
    public const string I766ElectronicResults = "i766.5.1";
    public const string I766DigitisedLinked = "i766.5.2";
    public const string I766CertifiedCopies = "i766.5.3";
    public const string I766DataReuse = "i766.5.4";
    public const string I766SharedForReuse = "i766.5.5";
    public const string I766PopulationData = "i766.5.6";
    public const string I766ProceduresOnPopulationData = "i766.5.7";
    // group 6 satisfaction (18)
    public const string I766ComplaintsOnTime = "i766.6.1";
    public const string I766ComplaintSatisfaction = "i766.6.2";
    public const string I766DossierSatisfaction = "i766.6.3";
}

/// <summary>A KPI value as the API gives it (for the Government command-centre connector and third parties).</summary>
public sealed record KpiValue(
    string Code, string NameVi, string NameEn, string Group, Guid UnitId, string UnitPath, string Period,
    decimal Numerator, decimal Denominator, decimal? Value, decimal? Target, bool? Met, decimal? Points, decimal? MaxPoints, DateTimeOffset ComputedAt);

/// <summary>The Decision 766 index of one unit and period: 100 points in six groups.</summary>
public sealed record QualityIndex(Guid UnitId, string UnitPath, string Period, decimal Points, decimal MeasuredMaxPoints, IReadOnlyList<QualityIndexGroup> Groups);

public sealed record QualityIndexGroup(string Code, string NameVi, string NameEn, decimal MaxPoints, decimal Points, IReadOnlyList<KpiValue> Indicators);

/// <summary>What other modules (the command-centre connector) may ask of Evaluation.</summary>
public interface IEvaluationApi
{
    /// <summary>Every KPI snapshot of a unit for a period key (<c>2025</c>, <c>2025-Q3</c>, <c>2025-07</c>, <c>2025-07-14</c>).</summary>
    /// <remarks>As is for a current unit, as was for a retired one (see <see cref="KpiStructures"/>).</remarks>
    Task<IReadOnlyList<KpiValue>> KpisAsync(Guid unitId, string period, CancellationToken ct = default);

    /// <summary>The 766 index; a current unit's includes its predecessors' data for earlier periods (as is).</summary>
    Task<QualityIndex?> QualityIndexAsync(Guid unitId, string period, CancellationToken ct = default);
}

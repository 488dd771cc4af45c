using System.Linq.Expressions;
using OneStop.Platform.Domain;

namespace OneStop.Digitization.Domain;

/// <summary>Where a line of the results register came from.</summary>
internal static class ResultSources
{
    /// <summary>A dossier resolved in the system (from Counters' <c>DossierChanged</c>).</summary>
    public const string Dossier = "DOSSIER";
    /// <summary>Số hóa kết quả cũ: an old result digitised from the paper back-file, with no dossier in the system.</summary>
    public const string BackFile = "BACK_FILE";

    public static readonly string[] All = [Dossier, BackFile];
}

/// <summary>
/// Một kết quả giải quyết TTHC: one line of the register of results issued, the stock the plan's target "số hóa kết quả
/// giải quyết TTHC còn hiệu lực" (30 % / 20 % / 15 % for province / district / commune) is measured on. Owned by the
/// competent unit that issued it (<see cref="ScopedEntity.UnitId"/>; its level — province, commune, and district for
/// results issued before 2025-07-01 — is kept as <see cref="CompetentLevel"/>), with the day it was issued, the day it
/// stops being valid (<c>null</c>: no expiry) and, once digitised, the digitised document and when. Shared with the unit
/// whose desk received the dossier (or uploaded the old result), which digitises and returns it.
/// </summary>
internal sealed class IssuedResult : ScopedEntity, ISharedWithUnit
{
    private IssuedResult() { }

    public IssuedResult(string source, Guid unitId, string unitPath, string competentLevel, string issuingBody, DateOnly issuedOn, string name, string procedureCode,
        string applicantIdentity, string applicantName, Guid? dossierId, string? dossierCode, string sharedUnitPath)
    {
        Source = source;
        UnitId = unitId;
        UnitPath = unitPath;
        SharedUnitPath = sharedUnitPath;
        CompetentLevel = competentLevel;
        IssuingBody = issuingBody;
        IssuedOn = issuedOn;
        Name = name;
        ProcedureCode = procedureCode;
        ApplicantIdentity = applicantIdentity;
        ApplicantName = applicantName;
        DossierId = dossierId;
        DossierCode = dossierCode;
    }

    /// <summary>The receiving desk's unit (the dossier's owner), or the unit that uploaded an old result.</summary>
    public string SharedUnitPath { get; private set; } = "";
    /// <summary>One of <see cref="ResultSources"/>.</summary>
    public string Source { get; private set; } = "";
    /// <summary>Cấp có thẩm quyền: province / district / commune, the issuing unit's level on the day it issued the result.</summary>
    public string CompetentLevel { get; private set; } = "";
    /// <summary>Cơ quan, đơn vị ban hành: the issuing unit's name (or the body named on an old result).</summary>
    public string IssuingBody { get; private set; } = "";
    /// <summary>Ngày ban hành.</summary>
    public DateOnly IssuedOn { get; private set; }
    /// <summary>Hiệu lực đến: the last day the result is valid; <c>null</c> is no expiry (vô thời hạn).</summary>
    public DateOnly? ValidUntil { get; private set; }
    public string Name { get; private set; } = "";
    public string ProcedureCode { get; private set; } = "";
    public string ApplicantIdentity { get; private set; } = "";
    public string ApplicantName { get; private set; } = "";
    public Guid? DossierId { get; private set; }
    public string? DossierCode { get; private set; }
    /// <summary>The digitised copy (<see cref="DigitizedDocument"/>), once there is one.</summary>
    public Guid? DocumentId { get; private set; }
    /// <summary>When it was digitised; <c>null</c> while it is on paper only.</summary>
    public DateTimeOffset? DigitisedAt { get; private set; }

    public bool IsValidOn(DateOnly day) => IssuedOn <= day && (ValidUntil is null || ValidUntil >= day);

    /// <summary><see cref="IsValidOn"/> as a query: the register's stock on a day, for the KPI, its source figures and the register page.</summary>
    public static Expression<Func<IssuedResult, bool>> ValidOn(DateOnly day) => r => r.IssuedOn <= day && (r.ValidUntil == null || r.ValidUntil >= day);

    /// <summary>The result's copy was digitised: the first copy counts, and its validity becomes the result's.</summary>
    public void Digitised(DigitizedDocument document, DateTimeOffset at)
    {
        if (DigitisedAt is null)
        {
            DocumentId = document.Id;
            DigitisedAt = at;
        }

        ValidUntil = document.ValidUntil;
    }
}

using OneStop.Platform.Domain;

namespace OneStop.Digitization.Domain;

/// <summary>
/// Một dòng của Sổ chứng thực bản sao từ bản chính (Decree 23/2015/NĐ-CP art. 13; the register of Circular 01/2020/TT-BTP):
/// a copy certified at a commune, with its certification number (số chứng thực, running per unit per year), the
/// document certified, pages, copies, fee, the person who certified, and the electronic copy — a signed
/// <see cref="DigitizedDocument"/> in the requester's data store. Written once, with its number, in one transaction.
/// </summary>
internal sealed class CertifiedCopy : ScopedEntity
{
    /// <summary>The procedure this register serves: chứng thực bản sao từ bản chính (national catalogue).</summary>
    public const string ProcedureCode = "2.000815";

    private CertifiedCopy() { }

    public CertifiedCopy(Guid unitId, string unitPath, int year, int number, DateTimeOffset certifiedAt, DateOnly certifiedOn, DossierRecord? dossier,
        string requesterName, string requesterIdentity, string documentName, string issuingBody, int pages, int copies,
        Guid officerId, string officerLogin, string officerName, string? officerPosition, Guid documentId, string? note)
    {
        UnitId = unitId;
        UnitPath = unitPath;
        Year = year;
        Number = number;
        RegisterNumber = Format(number, year);
        CertifiedAt = certifiedAt;
        CertifiedOn = certifiedOn;
        DossierId = dossier?.Id;
        DossierCode = dossier?.Code;
        RequesterName = requesterName;
        RequesterIdentity = requesterIdentity;
        DocumentName = documentName;
        IssuingBody = issuingBody;
        Pages = pages;
        Copies = copies;
        FeeVnd = CertificationFees.For(pages, copies);
        OfficerId = officerId;
        OfficerLogin = officerLogin;
        OfficerName = officerName;
        OfficerPosition = officerPosition;
        DocumentId = documentId;
        Note = note;
    }

    /// <summary>The register's year (quyển sổ of the year); numbering restarts each year.</summary>
    public int Year { get; private set; }
    public int Number { get; private set; }
    /// <summary>Số chứng thực as printed: <c>15/2026/SCT/BS</c>.</summary>
    public string RegisterNumber { get; private set; } = "";
    public DateTimeOffset CertifiedAt { get; private set; }
    /// <summary>Ngày chứng thực (Vietnam calendar day).</summary>
    public DateOnly CertifiedOn { get; private set; }
    /// <summary>The dossier of procedure 2.000815 it was received as, when it went through the desk.</summary>
    public Guid? DossierId { get; private set; }
    public string? DossierCode { get; private set; }
    /// <summary>Họ tên người yêu cầu chứng thực.</summary>
    public string RequesterName { get; private set; } = "";
    /// <summary>CCCD or enterprise code: the key of the data store the electronic copy joins.</summary>
    public string RequesterIdentity { get; private set; } = "";
    /// <summary>Tên bản chính giấy tờ, văn bản.</summary>
    public string DocumentName { get; private set; } = "";
    /// <summary>Cơ quan, tổ chức cấp bản chính.</summary>
    public string IssuingBody { get; private set; } = "";
    /// <summary>Số trang của bản chính (the fee is counted on them).</summary>
    public int Pages { get; private set; }
    /// <summary>Số bản sao đã được chứng thực.</summary>
    public int Copies { get; private set; }
    /// <summary>Phí chứng thực in đồng (Circular 226/2016/TT-BTC), for all copies.</summary>
    public long FeeVnd { get; private set; }
    /// <summary>Người thực hiện chứng thực (Chủ tịch / Phó Chủ tịch UBND cấp xã): the person, chosen from the unit's people.</summary>
    public Guid OfficerId { get; private set; }
    public string OfficerLogin { get; private set; } = "";
    public string OfficerName { get; private set; } = "";
    public string? OfficerPosition { get; private set; }
    /// <summary>The electronic copy (bản sao điện tử), signed with the unit's certificate.</summary>
    public Guid DocumentId { get; private set; }
    public string? Note { get; private set; }

    public static string Format(int number, int year) => $"{number}/{year}/SCT/BS";
}

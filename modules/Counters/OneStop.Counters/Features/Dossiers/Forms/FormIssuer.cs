namespace OneStop.Counters.Features.Dossiers.Forms;

/// <summary>The unit and desk heading a form: "UBND PHƯỜNG THÀNH ĐÔNG" over "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG".</summary>
internal sealed record FormIssuer(string UnitName, string DeskTitle)
{
    /// <summary>Bộ phận Tiếp nhận và Trả kết quả (Decree 61/2018; the districts' and communes' desks until 2025-06-30).</summary>
    public const string OneStopDesk = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ";

    /// <summary>Trung tâm Phục vụ hành chính công (the province's; every commune's since 2025-07-01, Decree 118/2025).</summary>
    public const string ServiceCentre = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG";
}

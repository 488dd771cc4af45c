namespace OneStop.Counters.Features.Dossiers.Forms;

/// <summary>The forms a dossier can print, by their stable URL names.</summary>
internal static class FormKinds
{
    public const string Receipt = "receipt";                       // Giấy tiếp nhận hồ sơ và hẹn trả kết quả
    public const string SupplementRequest = "supplement-request";  // Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
    public const string Refusal = "refusal";                       // Phiếu từ chối tiếp nhận giải quyết hồ sơ
    public const string Apology = "apology";                       // Phiếu xin lỗi / Văn bản xin lỗi và đề nghị gia hạn
    public const string ControlSheet = "control-sheet";            // Phiếu kiểm soát quá trình giải quyết hồ sơ
    public const string StopNotice = "stop-notice";                // Thông báo dừng giải quyết hồ sơ (2025 only)
    public const string Register = "register";                     // Sổ theo dõi hồ sơ

    public static readonly string[] PerDossier = [Receipt, SupplementRequest, Refusal, Apology, ControlSheet, StopNotice];
}

/// <summary>One legal form of a rule set: its number in the circular, title, paper and the set-specific wording.</summary>
internal sealed record LegalForm(
    string Kind,
    string Number,
    string Title,
    /// <summary>Short name for the file ("Giấy tiếp nhận hồ sơ").</summary>
    string FileName,
    /// <summary>A4 landscape for the register, A5 portrait for the single-dossier forms.</summary>
    bool Register = false,
    /// <summary>Wording that differs between circulars (e.g. Mẫu 04: a new date vs. a request to extend).</summary>
    string? Wording = null);

/// <summary>
/// A versioned set of legal forms (bộ biểu mẫu): the circular in force from <see cref="EffectiveFrom"/> decides which
/// forms a dossier gets and their numbering. Kept as data so a new circular is a new entry here, not new branches in
/// the renderer.
/// </summary>
internal sealed record LegalFormSet(string Circular, string Basis, DateOnly EffectiveFrom, IReadOnlyList<LegalForm> Forms)
{
    public LegalForm? Find(string kind) => Forms.FirstOrDefault(f => f.Kind == kind);
}

internal static class LegalFormSets
{
    /// <summary>Thông tư 01/2018/TT-VPCP (hướng dẫn Nghị định 61/2018/NĐ-CP): 6 forms.</summary>
    public static readonly LegalFormSet Circular2018 = new(
        "01/2018/TT-VPCP",
        "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ",
        new DateOnly(2018, 12, 21),
        [
            new(FormKinds.Receipt, "01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            new(FormKinds.SupplementRequest, "02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            new(FormKinds.Refusal, "03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            new(FormKinds.Apology, "04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
                Wording: "Chúng tôi xin lỗi Ông/Bà và hẹn lại ngày trả kết quả giải quyết hồ sơ vào"),
            new(FormKinds.ControlSheet, "05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            new(FormKinds.Register, "06", "SỔ THEO DÕI HỒ SƠ", "Sổ theo dõi hồ sơ", Register: true),
        ]);

    /// <summary>Thông tư 03/2025/TT-VPCP (hướng dẫn Nghị định 118/2025/NĐ-CP), from 15/9/2025: 7 forms.</summary>
    public static readonly LegalFormSet Circular2025 = new(
        "03/2025/TT-VPCP",
        "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
        new DateOnly(2025, 9, 15),
        [
            new(FormKinds.Receipt, "01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            new(FormKinds.SupplementRequest, "02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            new(FormKinds.Refusal, "03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            new(FormKinds.Apology, "04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
                Wording: "Chúng tôi xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến"),
            new(FormKinds.StopNotice, "05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Thông báo dừng giải quyết hồ sơ"),
            new(FormKinds.ControlSheet, "06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            new(FormKinds.Register, "07", "SỔ THEO DÕI HỒ SƠ", "Sổ theo dõi hồ sơ", Register: true),
        ]);

    /// <summary>Newest first.</summary>
    public static readonly IReadOnlyList<LegalFormSet> All = [Circular2025, Circular2018];

    /// <summary>The set in force on a (Vietnam) date; dates before the oldest set get the oldest.</summary>
    public static LegalFormSet InForceOn(DateOnly date) => All.FirstOrDefault(s => s.EffectiveFrom <= date) ?? All[^1];
}

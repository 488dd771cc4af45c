namespace OneStop.Platform.Notifications;

/// <summary>What a notification is about: the dossier events a citizen is told of (Decree 61/2018, Article 18 and 19).</summary>
public static class NotificationKinds
{
    public const string Received = "RECEIVED";                       // tiếp nhận hồ sơ
    public const string Refused = "REFUSED";                         // từ chối tiếp nhận
    public const string SupplementRequested = "SUPPLEMENT_REQUESTED"; // yêu cầu bổ sung
    public const string FinancialObligation = "FINANCIAL_OBLIGATION"; // nghĩa vụ tài chính
    public const string Extended = "EXTENDED";                       // gia hạn, xin lỗi vì trễ hẹn
    public const string Late = "LATE";                               // quá hạn chưa gia hạn, xin lỗi (Mẫu 04)
    public const string ResultReady = "RESULT_READY";                // có kết quả
    public const string Returned = "RETURNED";                       // đã trả kết quả

    public static readonly string[] All = [Received, Refused, SupplementRequested, FinancialObligation, Extended, Late, ResultReady, Returned];

    public static string NameVi(string kind) => kind switch
    {
        Received => "Tiếp nhận hồ sơ",
        Refused => "Từ chối tiếp nhận",
        SupplementRequested => "Yêu cầu bổ sung hồ sơ",
        FinancialObligation => "Thông báo nghĩa vụ tài chính",
        Extended => "Gia hạn, xin lỗi vì trễ hẹn",
        Late => "Quá hạn, xin lỗi vì trễ hẹn",
        ResultReady => "Đã có kết quả",
        Returned => "Đã trả kết quả",
        _ => kind,
    };
}

namespace OneStop.Counters.Contracts;

/// <summary>States of a dossier (trạng thái hồ sơ), as in DOMAIN.md.</summary>
public static class DossierStatuses
{
    /// <summary>Mới: submitted online or by post, waiting for a desk to receive it.</summary>
    public const string New = "NEW";
    /// <summary>Đã tiếp nhận.</summary>
    public const string Received = "RECEIVED";
    /// <summary>Từ chối tiếp nhận (Mẫu 03).</summary>
    public const string Refused = "REFUSED";
    /// <summary>Đang xử lý, possibly routed between agencies and levels.</summary>
    public const string Processing = "PROCESSING";
    /// <summary>Chờ bổ sung hồ sơ (Mẫu 02): the clock is stopped.</summary>
    public const string SupplementRequested = "SUPPLEMENT_REQUESTED";
    /// <summary>Chờ thực hiện nghĩa vụ tài chính.</summary>
    public const string AwaitingFinancialObligation = "AWAITING_FINANCIAL_OBLIGATION";
    /// <summary>Công dân rút hồ sơ.</summary>
    public const string Withdrawn = "WITHDRAWN";
    /// <summary>Dừng giải quyết.</summary>
    public const string Stopped = "STOPPED";
    /// <summary>Đã có kết quả, chờ trả.</summary>
    public const string Resolved = "RESOLVED";
    /// <summary>Đã trả kết quả.</summary>
    public const string Returned = "RETURNED";

    public static readonly string[] All = [New, Received, Refused, Processing, SupplementRequested, AwaitingFinancialObligation, Withdrawn, Stopped, Resolved, Returned];

    /// <summary>States after which nothing more happens to the dossier.</summary>
    public static readonly string[] Final = [Refused, Withdrawn, Stopped, Returned];

    public static string NameVi(string status) => status switch
    {
        New => "Mới, chờ tiếp nhận",
        Received => "Đã tiếp nhận",
        Refused => "Từ chối tiếp nhận",
        Processing => "Đang xử lý",
        SupplementRequested => "Chờ bổ sung hồ sơ",
        AwaitingFinancialObligation => "Chờ thực hiện nghĩa vụ tài chính",
        Withdrawn => "Đã rút hồ sơ",
        Stopped => "Dừng giải quyết",
        Resolved => "Đã có kết quả",
        Returned => "Đã trả kết quả",
        _ => status,
    };
}

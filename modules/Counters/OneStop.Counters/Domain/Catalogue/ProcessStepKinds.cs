namespace OneStop.Counters.Domain.Catalogue;

/// <summary>Who performs a step of an internal process (quy trình nội bộ).</summary>
internal static class ProcessStepKinds
{
    /// <summary>Tiếp nhận: the receiving unit's one-stop desk.</summary>
    public const string Reception = "RECEPTION";
    /// <summary>Thẩm định, xử lý: a specialist of the competent unit (of the step's agency when it names one) proposes a result.</summary>
    public const string Process = "PROCESS";
    /// <summary>Phối hợp, liên thông: another agency (a department, Chi cục Thuế, the police) does its part and sends it back.</summary>
    public const string Agency = "AGENCY";
    /// <summary>Phê duyệt, ký: a leader of the competent unit approves, returns with a reason, or signs.</summary>
    public const string Approval = "APPROVAL";
    /// <summary>Trả kết quả: the receiving desk returns the result.</summary>
    public const string Return = "RETURN";

    public static readonly string[] All = [Reception, Process, Agency, Approval, Return];
}

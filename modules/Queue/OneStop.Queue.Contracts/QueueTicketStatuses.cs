namespace OneStop.Queue.Contracts;

/// <summary>States of a queue ticket (phiếu thứ tự).</summary>
public static class QueueTicketStatuses
{
    /// <summary>Đang chờ (also after a transfer to another counter).</summary>
    public const string Waiting = "WAITING";
    /// <summary>Đã gọi, the citizen walks to the counter.</summary>
    public const string Called = "CALLED";
    /// <summary>Đang phục vụ.</summary>
    public const string Serving = "SERVING";
    /// <summary>Đã phục vụ xong.</summary>
    public const string Done = "DONE";
    /// <summary>Vắng mặt khi được gọi.</summary>
    public const string NoShow = "NO_SHOW";

    public static readonly string[] All = [Waiting, Called, Serving, Done, NoShow];
}

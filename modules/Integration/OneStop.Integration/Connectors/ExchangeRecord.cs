using OneStop.Platform;

namespace OneStop.Integration.Connectors;

/// <summary>
/// One attempt of one call to a national system (nhật ký trao đổi dữ liệu). Only SHA-256 digests of the request and
/// response are kept — no personal data — so the log can be handed to an inspection; every insert is also in the
/// module's hash-chained audit trail, so the log cannot be edited unnoticed.
/// </summary>
internal sealed class ExchangeRecord
{
    public Guid Id { get; set; } = SequentialGuid.NewGuid();
    public string System { get; set; } = "";
    public string Operation { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public int DurationMs { get; set; }
    public int? StatusCode { get; set; }
    public bool Succeeded { get; set; }
    public string RequestDigest { get; set; } = "";
    public string? ResponseDigest { get; set; }
    public string? Error { get; set; }
    public string ActorName { get; set; } = "";
    public string UnitPath { get; set; } = "";
}

namespace OneStop.Counters.Contracts;

/// <summary>How the dossier arrived (hình thức nộp).</summary>
public static class DossierChannels
{
    public const string Direct = "DIRECT";  // trực tiếp tại Bộ phận Một cửa
    public const string Online = "ONLINE";  // trực tuyến qua Cổng dịch vụ công
    public const string Postal = "POSTAL";  // qua bưu chính công ích

    public static readonly string[] All = [Direct, Online, Postal];
}

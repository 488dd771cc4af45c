namespace OneStop.Counters.Domain.Catalogue;

/// <summary>How a component is handed in (hình thức nộp thành phần hồ sơ).</summary>
internal static class SubmissionForms
{
    public const string Original = "ORIGINAL";            // bản chính
    public const string Copy = "COPY";                    // bản sao (kèm bản chính để đối chiếu)
    public const string CertifiedCopy = "CERTIFIED_COPY"; // bản sao có chứng thực
    public const string Electronic = "ELECTRONIC";        // bản điện tử (bản sao điện tử, dữ liệu điện tử)

    public static readonly string[] All = [Original, Copy, CertifiedCopy, Electronic];
}

namespace OneStop.Digitization.Domain;

/// <summary>
/// Phí chứng thực bản sao từ bản chính (Circular 226/2016/TT-BTC art. 4): 2,000 đồng a page for the first two pages,
/// 1,000 đồng a page from the third, at most 200,000 đồng a copy; pages are those of the original.
/// </summary>
internal static class CertificationFees
{
    public const long FirstPagesFee = 2_000;
    public const long LaterPageFee = 1_000;
    public const long MaxPerCopy = 200_000;

    public static long PerCopy(int pages) =>
        pages <= 0 ? 0 : Math.Min(MaxPerCopy, FirstPagesFee * Math.Min(pages, 2) + LaterPageFee * Math.Max(0, pages - 2));

    public static long For(int pages, int copies) => copies <= 0 ? 0 : PerCopy(pages) * copies;
}

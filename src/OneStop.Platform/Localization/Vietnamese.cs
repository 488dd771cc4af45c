using System.Globalization;

namespace OneStop.Platform.Localization;

/// <summary>
/// Vietnamese conventions that do not follow the request's language: forms, reports and registers are Vietnamese
/// documents whatever the reader's UI language, and names sort in Vietnamese order (Đ after D, tones after the base letter).
/// </summary>
public static class Vietnamese
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Orders names as a Vietnamese list does (case-sensitive, as published).</summary>
    public static readonly StringComparer Order = StringComparer.Create(Culture, ignoreCase: false);

    /// <summary>An amount in đồng as officials write it: "1.500.000 đ".</summary>
    public static string Money(decimal amountVnd) => amountVnd.ToString("N0", Culture) + " đ";
}

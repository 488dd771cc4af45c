using System.Globalization;
using System.Text;

namespace OneStop.Platform;

/// <summary>
/// Folds Vietnamese text to lower-case ASCII ("Đăng ký" → "dang ky") so comparisons and search ignore diacritics and
/// case. Input in any normalisation form (NFC or NFD) folds the same.
/// </summary>
public static class VietnameseText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

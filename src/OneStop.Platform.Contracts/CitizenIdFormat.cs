namespace OneStop.Platform;

/// <summary>
/// Số định danh cá nhân / CCCD: 12 digits — province code of birth registration (001–096), a digit for gender and
/// century, two for the year of birth, six at random. There is no checksum; only the format can be checked.
/// </summary>
public static class CitizenIdFormat
{
    public static bool IsValid(string? value) =>
        value is { Length: 12 } && value.All(char.IsAsciiDigit) && int.Parse(value[..3]) is >= 1 and <= 96;

    /// <summary>Gender digit: even = male, odd = female; 0–1 born 1900–1999, 2–3 2000–2099, 4–5 2100–2199, …</summary>
    public static (bool Male, int BirthYear)? Decode(string value)
    {
        if (!IsValid(value))
        {
            return null;
        }

        var g = value[3] - '0';
        return (g % 2 == 0, 1900 + g / 2 * 100 + int.Parse(value.Substring(4, 2)));
    }
}

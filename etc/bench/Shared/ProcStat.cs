using System.Globalization;

/// <summary>
/// A process's CPU time from <c>/proc/&lt;pid&gt;/stat</c> (Linux), for benches that print CPU per operation beside their
/// wall-clock figures. Linked into each bench that needs it (there is no bench library).
/// </summary>
internal static class ProcStat
{
    /// <summary>Linux counts CPU time in ticks of 1/USER_HZ s, and USER_HZ is 100.</summary>
    public const double MsPerTick = 10;

    /// <summary>
    /// The fields after the command name (which may hold spaces, so it is skipped by its closing parenthesis):
    /// [0] state, [1] parent's id, [11..14] utime, stime, cutime, cstime. Null when the process is gone or unreadable.
    /// </summary>
    public static string[]? Fields(string procDirectory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(procDirectory, "stat"));
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>User and system time in milliseconds; with <paramref name="children"/>, that of its exited children too.</summary>
    public static double CpuMilliseconds(string[] fields, bool children) =>
        (Tick(fields[11]) + Tick(fields[12]) + (children ? Tick(fields[13]) + Tick(fields[14]) : 0)) * MsPerTick;

    private static double Tick(string field) => double.Parse(field, CultureInfo.InvariantCulture);
}

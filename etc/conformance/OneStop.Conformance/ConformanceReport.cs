namespace OneStop.Conformance;

/// <summary>Every check run, in order, with a plain-text rendering for the console.</summary>
public sealed class ConformanceReport
{
    private readonly List<CheckResult> _results = [];

    public IReadOnlyList<CheckResult> Results => _results;
    public int Passed => _results.Count(r => r.Outcome == CheckOutcome.Passed);
    public int Failed => _results.Count(r => r.Outcome == CheckOutcome.Failed);
    public int Skipped => _results.Count(r => r.Outcome == CheckOutcome.Skipped);

    public void Add(CheckResult result) => _results.Add(result);

    public string Render(string baseUrl)
    {
        var lines = new List<string> { $"OneStop API conformance report — {baseUrl} — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC", "" };
        foreach (var group in _results.GroupBy(r => r.Area))
        {
            lines.Add(group.Key);
            lines.AddRange(group.Select(r => $"  [{Label(r.Outcome)}] {r.Check}{(r.Detail.Length > 0 ? " — " + r.Detail : "")}"));
        }

        // Not the "N passed, N failed" form: that line is the test suite's own summary in CI.
        lines.Add("");
        lines.Add($"Result: checks passed {Passed}, failed {Failed}, skipped {Skipped} — {(Failed == 0 ? "CONFORMANT" : "NOT CONFORMANT")}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Label(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "PASS",
        CheckOutcome.Failed => "FAIL",
        _ => "SKIP",
    };
}

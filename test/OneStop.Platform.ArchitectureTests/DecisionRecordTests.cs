namespace OneStop.Platform.ArchitectureTests;

/// <summary>A decision record's title names the number of its file (0012's once said "ADR 0009").</summary>
public sealed class DecisionRecordTests
{
    [Fact]
    public void Every_ADR_title_names_its_own_number()
    {
        var folder = Path.Combine(FindRoot(), "etc", "docs", "adr");
        var wrong = Directory.GetFiles(folder, "*.md")
            .Select(path => (Number: Path.GetFileName(path)[..4], Title: File.ReadLines(path).First()))
            .Where(adr => !adr.Title.StartsWith($"# ADR {adr.Number} ", StringComparison.Ordinal))
            .Select(adr => $"{adr.Number}: {adr.Title}");
        wrong.ShouldBeEmpty();
        Directory.GetFiles(folder, "*.md").Select(p => Path.GetFileName(p)[..4]).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key)
            .ShouldBeEmpty("two decisions share a number");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneStop.Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

namespace OneStop.Platform.Tests;

public sealed class SequentialGuidTests
{
    [Fact]
    public void Ids_strictly_increase_in_creation_order_as_GUIDs_and_as_text()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => SequentialGuid.NewGuid()).ToList();
        for (var i = 1; i < ids.Count; i++)
        {
            ids[i].CompareTo(ids[i - 1]).ShouldBeGreaterThan(0);
            string.CompareOrdinal(ids[i].ToString(), ids[i - 1].ToString()).ShouldBeGreaterThan(0);
        }

        ids.ShouldAllBe(g => g.Version == 7 && (g.Variant & 0b1100) == 0b1000);
    }
}

namespace OneStop.Counters.Contracts;

/// <summary>The e-form as checked: <see cref="DataJson"/> when it passed, else the messages per field key.</summary>
public sealed record CitizenFormCheck(string? DataJson, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

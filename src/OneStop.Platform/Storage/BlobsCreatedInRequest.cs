namespace OneStop.Platform.Storage;

/// <summary>
/// The blobs the upload guard wrote during the current request (an ambient list that flows with the request's
/// execution context), so a refusal or a failed request can take them back (ADR 0033). Outside a request (jobs, demo
/// data) nothing is tracked and the orphan job is the only clean-up.
/// </summary>
internal static class BlobsCreatedInRequest
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Starts tracking for the request now running; the list returned is the one the guard fills.</summary>
    public static List<string> Begin() => Current.Value = [];

    public static void End() => Current.Value = null;

    public static void Add(string key)
    {
        if (Current.Value is { } list)
        {
            lock (list)
            {
                list.Add(key);
            }
        }
    }

    /// <summary>Removes and returns what was recorded so far.</summary>
    public static IReadOnlyList<string> Take()
    {
        if (Current.Value is not { } list)
        {
            return [];
        }

        lock (list)
        {
            var taken = list.Distinct().ToList();
            list.Clear();
            return taken;
        }
    }
}

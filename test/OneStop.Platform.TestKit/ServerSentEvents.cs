using System.Text.Json;

namespace OneStop.Platform.TestKit;

/// <summary>Reads a server-sent event stream as a screen would (the waiting-room board, for one).</summary>
public static class ServerSentEvents
{
    /// <summary>The data of the next event named <paramref name="eventName"/>, as JSON; other events are passed over.</summary>
    public static async Task<JsonElement> NextAsync(StreamReader reader, string eventName)
    {
        var named = false;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                named = line == "event: " + eventName;
            }
            else if (named && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]);
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }
}

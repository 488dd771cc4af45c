namespace OneStop.Platform.Storage;

/// <summary>A stored blob as the store lists it: its key and when it was last written (UTC).</summary>
public sealed record BlobEntry(string Key, DateTimeOffset LastWritten);

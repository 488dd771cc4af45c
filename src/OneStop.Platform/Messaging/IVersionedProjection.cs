namespace OneStop.Platform.Messaging;

/// <summary>A row a module keeps from another module's snapshot events; it remembers the version it holds.</summary>
public interface IVersionedProjection
{
    Guid Id { get; }

    /// <summary>The version of the snapshot last copied in (the source aggregate's own counter).</summary>
    long Version { get; set; }
}

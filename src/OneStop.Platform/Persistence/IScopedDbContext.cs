using OneStop.Platform.Scoping;

namespace OneStop.Platform.Persistence;

/// <summary>A DbContext whose "Scope" query filter reads the current unit path from here at query time.</summary>
public interface IScopedDbContext
{
    /// <summary>The acting unit's path; rows whose unit path starts with it are visible.</summary>
    string ScopePath { get; }

    /// <summary>The database schema this context owns (one per module).</summary>
    string Schema { get; }

    ICurrentScope CurrentScope { get; }
}

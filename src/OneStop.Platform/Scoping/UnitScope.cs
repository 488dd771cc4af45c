namespace OneStop.Platform.Scoping;

/// <summary>
/// The administrative unit a user or job acts for. Reads see rows whose unit path starts with <see cref="Path"/>;
/// writes are stamped with <see cref="UnitId"/>.
/// </summary>
/// <param name="AgencyCode">
/// The agency (sở, ban, ngành) inside the unit the person works for, or null for those who act for the whole unit
/// (its leaders, its office, its one-stop desk). A module narrows what belongs to one agency with it (PlanTasks: a
/// department sees and reports on its own tasks only); the unit path stays the boundary for everything else.
/// </param>
public sealed record UnitScope(Guid UnitId, string Path, string Name, string? AgencyCode = null)
{
    /// <summary>System work (relay, seeding, migrations): every path starts with "/".</summary>
    public static readonly UnitScope Unrestricted = new(Guid.Empty, "/", "Hệ thống");

    /// <summary>No scope (anonymous): a path no row has, so filters match nothing rather than everything.</summary>
    public static readonly UnitScope None = new(Guid.Empty, "~", "");

    public bool Contains(string unitPath) => unitPath.StartsWith(Path, StringComparison.Ordinal);
}

/// <summary>Who does the current work, for which unit (ABP's ICurrentTenant + ICurrentUser in one).</summary>
public interface ICurrentScope
{
    UnitScope Unit { get; }
    Guid? ActorId { get; }
    string ActorName { get; }

    /// <summary>Switches unit and actor until the returned handle is disposed.</summary>
    IDisposable Change(UnitScope unit, Guid? actorId = null, string? actorName = null);
}

/// <summary>Ambient scope on an <see cref="AsyncLocal{T}"/>, set per request by middleware and per job by a filter.</summary>
internal sealed class AmbientScope : ICurrentScope
{
    private sealed record State(UnitScope Unit, Guid? ActorId, string ActorName);
    private static readonly AsyncLocal<State?> Current = new();

    public UnitScope Unit => Current.Value?.Unit ?? UnitScope.None;
    public Guid? ActorId => Current.Value?.ActorId;
    public string ActorName => Current.Value?.ActorName ?? "anonymous";

    public IDisposable Change(UnitScope unit, Guid? actorId = null, string? actorName = null)
    {
        var previous = Current.Value;
        Current.Value = new State(unit, actorId ?? previous?.ActorId, actorName ?? previous?.ActorName ?? "system");
        return new Restore(() => Current.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        private Action? _restore = restore;
        public void Dispose() => Interlocked.Exchange(ref _restore, null)?.Invoke();
    }
}

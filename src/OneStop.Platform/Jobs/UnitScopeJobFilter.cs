using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Jobs;

/// <summary>
/// Jobs carry the unit scope they were enqueued in (as job parameters) and run in it, so a job started by a district
/// user touches only that district. Recurring system jobs are enqueued unscoped and run unrestricted.
/// </summary>
internal sealed class UnitScopeJobFilter(ICurrentScope currentScope) : JobFilterAttribute, IClientFilter, IServerFilter
{
    private const string UnitId = "onestop.unitId";
    private const string UnitPath = "onestop.unitPath";
    private const string Actor = "onestop.actor";
    private const string ScopeHandle = "onestop.scopeHandle";

    public void OnCreating(CreatingContext context)
    {
        var unit = currentScope.Unit;
        if (unit == UnitScope.None)
        {
            unit = UnitScope.Unrestricted;
        }

        context.SetJobParameter(UnitId, unit.UnitId.ToString());
        context.SetJobParameter(UnitPath, unit.Path);
        context.SetJobParameter(Actor, currentScope.ActorName);
    }

    public void OnCreated(CreatedContext context) { }

    public void OnPerforming(PerformingContext context)
    {
        var path = context.GetJobParameter<string>(UnitPath) ?? UnitScope.Unrestricted.Path;
        var unitId = Guid.TryParse(context.GetJobParameter<string>(UnitId), out var id) ? id : Guid.Empty;
        var actor = context.GetJobParameter<string>(Actor) ?? "system";
        context.Items[ScopeHandle] = currentScope.Change(new UnitScope(unitId, path, ""), null, "job:" + actor);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(ScopeHandle, out var handle))
        {
            (handle as IDisposable)?.Dispose();
        }
    }
}

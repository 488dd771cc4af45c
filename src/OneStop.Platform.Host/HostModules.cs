using OneStop.Counters;
using OneStop.Digitization;
using OneStop.Evaluation;
using OneStop.Integration;
using OneStop.Platform.Modules;
using OneStop.PlanTasks;
using OneStop.Portal;
using OneStop.Queue;
using OneStop.Training;

namespace OneStop.Platform.Host;

/// <summary>
/// The one module list: the host composes from it, and the architecture tests generate their rules from it.
/// Each module can be switched off with <c>Modules:{Name}:Enabled=false</c>.
/// </summary>
public static class HostModules
{
    public static IReadOnlyList<ModuleBase> All { get; } =
    [
        new PlanTasksModule(),
        new CountersModule(),
        new QueueModule(),
        new DigitizationModule(),
        new IntegrationModule(),
        new EvaluationModule(),
        new TrainingModule(),
        new PortalModule(),
    ];

    public static IReadOnlyList<ModuleBase> Enabled(IConfiguration configuration) =>
        All.Where(m => configuration.GetValue($"Modules:{m.Name}:Enabled", true)).ToList();
}

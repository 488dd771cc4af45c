using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Evaluation.Contracts;
using OneStop.Platform.Domain;
using OneStop.Platform.Host;
using OneStop.Platform.Messaging;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.ArchitectureTests;

/// <summary>
/// The module rules, one theory row per module of <see cref="HostModules.All"/>: a new module is checked as soon as it
/// joins the list.
/// </summary>
public sealed class ModuleRulesTests
{
    private static readonly string Root = FindRoot();
    private const string Kernel = "OneStop.Platform";
    private const string KernelContracts = "OneStop.Platform.Contracts";
    private static readonly string[] InfrastructurePrefixes = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "Elastic", "Npgsql", "Lucene"];

    public static TheoryData<string> Modules() => new(HostModules.All.Select(m => m.Name));

    private static ModuleBase Module(string name) => HostModules.All.Single(m => m.Name == name);

    private static IEnumerable<string> ContractsNames => HostModules.All.Select(m => m.ContractsAssembly.GetName().Name!);

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_project_references_only_the_kernel_and_contracts(string module)
    {
        var m = Module(module);
        var allowed = ContractsNames.Append(Kernel).ToHashSet();

        // Project references (a reference nobody uses yet is still a reference).
        var projectRefs = ProjectReferences(m.Assembly.GetName().Name!);
        projectRefs.Where(r => !allowed.Contains(r)).ShouldBeEmpty($"{module} may reference only {Kernel} and .Contracts projects");

        // Compiled references.
        var implementations = HostModules.All.Select(x => x.Assembly.GetName().Name!).Append("OneStop.Platform.Host").ToHashSet();
        m.Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(implementations.Contains)
            .ShouldBeEmpty($"{module} must not use another module's implementation");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_carry_no_infrastructure(string module)
    {
        var contracts = Module(module).ContractsAssembly;
        var name = contracts.GetName().Name!;
        var allowed = ContractsNames.Append(KernelContracts).ToHashSet();

        ProjectReferences(name).Where(r => !allowed.Contains(r)).ShouldBeEmpty($"{name} may reference only other contracts");
        var project = ProjectFile(name);
        project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? "")
            .Concat(project.Descendants("FrameworkReference").Select(p => (string?)p.Attribute("Include") ?? ""))
            .ShouldBeEmpty($"{name} takes no packages or frameworks");
        contracts.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(a => InfrastructurePrefixes.Any(p => a.StartsWith(p, StringComparison.Ordinal)))
            .ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Inside_a_module_everything_is_internal_but_the_module_class(string module)
    {
        var m = Module(module);
        m.Assembly.GetExportedTypes().Where(t => t != m.GetType())
            .Select(t => t.FullName).ShouldBeEmpty($"{module}: make these internal");
        m.GetType().IsSealed.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Event_handlers_are_internal_sealed(string module)
    {
        var handlers = Module(module).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>)));
        handlers.Where(h => h.IsPublic || !h.IsSealed).Select(h => h.FullName).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Public_events_are_sealed_records(string module)
    {
        var events = Module(module).ContractsAssembly.GetTypes().Where(t => typeof(IntegrationEvent).IsAssignableFrom(t));
        events.Where(e => !e.IsSealed || e.GetMethod("<Clone>$") is null).Select(e => e.FullName).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_owns_exactly_one_schema_named_after_it(string module)
    {
        var m = Module(module);
        var contexts = m.Assembly.GetTypes().Where(t => typeof(ModuleDbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        contexts.Count.ShouldBe(1);
        using var db = CreateContext(contexts[0]);
        ((ModuleDbContext)db).Schema.ShouldBe(m.ApiSegment);
        db.Model.GetEntityTypes().Select(e => e.GetSchema()).Distinct().ShouldBe([m.ApiSegment]);
    }

    public static TheoryData<string> Contexts() =>
        new(HostModules.All.SelectMany(m => m.Assembly.GetTypes())
            .Where(t => typeof(ModuleDbContext).IsAssignableFrom(t) && !t.IsAbstract)
            .Append(typeof(PlatformDbContext))
            .Select(t => t.AssemblyQualifiedName!));

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_scoped_entity_has_the_scope_filter_and_every_soft_deleted_one_its_filter(string contextType)
    {
        using var db = CreateContext(Type.GetType(contextType)!);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.BaseType is null))
        {
            var filters = entity.GetDeclaredQueryFilters().Select(f => f.Key).ToList();
            if (typeof(IUnitScoped).IsAssignableFrom(entity.ClrType))
            {
                filters.ShouldContain(PlatformModelConventions.ScopeFilter, $"{entity.ClrType.Name} is unit-scoped");
            }

            if (typeof(ISoftDelete).IsAssignableFrom(entity.ClrType))
            {
                filters.ShouldContain(PlatformModelConventions.SoftDeleteFilter, $"{entity.ClrType.Name} is soft-deleted");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Only_Integration_calls_external_HTTP_endpoints(string module)
    {
        var m = Module(module);
        var http = m.Assembly.GetReferencedAssemblies().Any(a => a.Name is "System.Net.Http" or "Microsoft.Extensions.Http" or "Microsoft.Extensions.Http.Resilience")
            || ProjectFile(m.Assembly.GetName().Name!).Descendants("PackageReference").Any(p => ((string?)p.Attribute("Include") ?? "").Contains(".Http", StringComparison.Ordinal));
        http.ShouldBe(module == "Integration", $"{module}: only the Integration module talks to external systems");
    }

    /// <summary>
    /// What a module other than Evaluation may use of Evaluation's contracts: it consumes KPI values (the command-centre
    /// reporter), it does not plumb KPIs through them — calculators, periods and rows are the kernel's
    /// (<c>OneStop.Platform.Kpis</c>), and the codes a module computes are its own constants.
    /// </summary>
    private static readonly HashSet<string> EvaluationConsumerTypes =
    [
        nameof(IEvaluationApi), nameof(KpiValue), nameof(QualityIndex), nameof(QualityIndexGroup), nameof(KpiStructures),
        nameof(EvaluationPermissions), nameof(EvaluationErrorCodes),
        // A citizen's rating and complaints through the portal (ADR 0050): feedback in, not KPI plumbing.
        nameof(ICitizenFeedbackApi), nameof(CitizenRating), nameof(CitizenComplaint),
    ];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Only_Evaluation_uses_its_contracts_for_KPI_plumbing(string module)
    {
        if (module == "Evaluation")
        {
            return; // the owner
        }

        var m = Module(module);
        var evaluationContracts = typeof(IEvaluationApi).Assembly.GetName().Name!;
        foreach (var assembly in new[] { m.Assembly, m.ContractsAssembly })
        {
            var name = assembly.GetName().Name!;
            TypesUsedFrom(assembly, evaluationContracts).Where(t => !EvaluationConsumerTypes.Contains(t)).ShouldBeEmpty(
                $"{name} uses Evaluation.Contracts beyond consuming KPI values; KPI plumbing is in OneStop.Platform.Kpis");

            // A reference kept after its last use is plumbing waiting to come back.
            if (ProjectReferences(name).Contains(evaluationContracts))
            {
                assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldContain(evaluationContracts, $"{name}: drop the unused reference to {evaluationContracts}");
            }
        }

        // KPI codes are constants, which the compiler copies into the caller: no reference shows them, the source does.
        var evaluationCodes = new Regex(@"\bEvaluation\.Contracts\.KpiCodes\b|(?<![\w.])KpiCodes\.[A-Z]");
        Directory.GetFiles(Path.Combine(Root, "modules", module), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Where(f => File.ReadAllText(f) is var text && text.Contains("OneStop.Evaluation.Contracts") && evaluationCodes.IsMatch(text))
            .Select(f => Path.GetRelativePath(Root, f)).ShouldBeEmpty($"{module}: name the KPI codes it computes in its own constants");
    }

    /// <summary>
    /// Events without a consumer inside the platform that are published for an audience outside it. Each needs its
    /// reason; anything else without a registered handler is dead surface (publish nothing nobody reads).
    /// </summary>
    private static readonly Dictionary<Type, string> EventsWithExternalAudience = new()
    {
        // None today: webhooks carry their own payloads from Integration's outgoing queue, not these events.
    };

    [Fact]
    public void Every_public_event_has_a_registered_consumer_or_a_named_external_audience()
    {
        // The subscriptions exactly as the host composes them: each module's services, one registration per handler.
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        foreach (var m in HostModules.All)
        {
            m.ConfigureServices(services, configuration);
        }

        var consumed = services.Where(d => d.ServiceType == typeof(EventHandlerRegistration))
            .Select(d => ((EventHandlerRegistration)d.ImplementationInstance!).EventType).ToHashSet();
        var events = HostModules.All.Select(m => m.ContractsAssembly).Append(typeof(IntegrationEvent).Assembly).Distinct()
            .SelectMany(a => a.GetTypes()).Where(t => typeof(IntegrationEvent).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        events.ShouldNotBeEmpty();
        events.Where(e => !consumed.Contains(e) && !EventsWithExternalAudience.ContainsKey(e)).Select(e => e.FullName)
            .ShouldBeEmpty("give these events a consumer, remove them (and their publishing), or name their external audience");
    }

    [Fact]
    public void The_kernel_knows_no_module()
    {
        var modules = HostModules.All.SelectMany(m => new[] { m.Assembly.GetName().Name!, m.ContractsAssembly.GetName().Name! }).ToHashSet();
        typeof(PlatformDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(modules.Contains).ShouldBeEmpty();
        ProjectReferences(Kernel).ShouldBe([KernelContracts]);
        ProjectReferences(KernelContracts).ShouldBeEmpty();
    }

    [Fact]
    public void Every_module_folder_is_in_the_module_list()
    {
        var folders = Directory.GetDirectories(Path.Combine(Root, "modules")).Select(Path.GetFileName).ToHashSet();
        folders.ShouldBe(HostModules.All.Select(m => m.Name).ToHashSet(), ignoreOrder: true);
    }

    private static DbContext CreateContext(Type contextType)
    {
        var optionsType = typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(optionsType)!;
        builder.UseSqlite("Data Source=:memory:");
        return (DbContext)Activator.CreateInstance(contextType, builder.Options, new FixedScope())!;
    }

    private sealed class FixedScope : ICurrentScope
    {
        public UnitScope Unit => UnitScope.None;
        public Guid? ActorId => null;
        public string ActorName => "architecture-test";
        public IDisposable Change(UnitScope unit, Guid? actorId = null, string? actorName = null) => throw new NotSupportedException();
    }

    /// <summary>Names of the types <paramref name="assembly"/> refers to in <paramref name="referenced"/> (its metadata's type references).</summary>
    private static List<string> TypesUsedFrom(Assembly assembly, string referenced)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeReferences.Select(metadata.GetTypeReference)
            .Where(t => t.ResolutionScope.Kind == HandleKind.AssemblyReference
                && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name) == referenced)
            .Select(t => metadata.GetString(t.Name)).Distinct().ToList();
    }

    private static List<string> ProjectReferences(string projectName) =>
        ProjectFile(projectName).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();

    private static XDocument ProjectFile(string projectName)
    {
        var path = Directory.GetFiles(Root, projectName + ".csproj", SearchOption.AllDirectories)
            .Single(p => !p.Contains("/bin/") && !p.Contains("/obj/"));
        return XDocument.Load(path);
    }

    private static string FindRoot([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneStop.Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OneStop.Platform.sln not found above " + here);
    }
}

using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Host;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

public sealed class TrainingDisabledFactory : OneStopFactory
{
    public TrainingDisabledFactory() => With("Modules:Training:Enabled", "false");
}

/// <summary>Modules are composed from one list, each with its own schema, and can be switched off.</summary>
public sealed class ModuleCompositionTests(TrainingDisabledFactory factory) : IClassFixture<TrainingDisabledFactory>
{
    [Fact]
    public async Task A_disabled_module_has_no_pages_and_no_menu_entry()
    {
        var admin = await factory.SignInAsync("admin");
        var training = await admin.GetAsync("/Training");
        training.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound, training.Headers.Location?.ToString());
        (await admin.GetStringAsync("/")).ShouldNotContain("href=\"/Training\"");
        (await admin.GetAsync("/Counters")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public void Each_enabled_module_has_its_own_schema()
    {
        var schemas = factory.Services.GetServices<DbContextRegistration>().Select(r => r.Schema).ToList();
        schemas.ShouldBe(["platform", "plantasks", "counters", "queue", "digitization", "integration", "evaluation", "portal"], ignoreOrder: true);
    }

    [Fact]
    public async Task Migrations_leave_no_pending_model_change_on_PostgreSQL()
    {
        using var scope = factory.Services.CreateScope();
        foreach (var registration in scope.ServiceProvider.GetServices<DbContextRegistration>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            db.Database.HasPendingModelChanges().ShouldBeFalse($"{registration.Schema}: add a migration (etc/scripts/add-migration.sh)");
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }
    }
}

/// <summary>Every visible string has both languages.</summary>
public sealed class LocalizationTests
{
    public static TheoryData<string> Assemblies() =>
        new(HostModules.All.Select(m => m.Assembly.GetName().Name!)
            .Append(typeof(OneStopHost).Assembly.GetName().Name!)
            .Append(typeof(PlatformDbContext).Assembly.GetName().Name!));

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_Vietnamese_text_has_an_English_one_and_back(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var vi = Load(assembly, "vi");
        var en = Load(assembly, "en");
        vi.Keys.Except(en.Keys).ShouldBeEmpty($"{assemblyName}: missing in en.json");
        en.Keys.Except(vi.Keys).ShouldBeEmpty($"{assemblyName}: missing in vi.json");
        vi.Values.ShouldAllBe(v => !string.IsNullOrWhiteSpace(v));
    }

    /// <summary>Every localization file of the culture in the assembly (a module's own and its features' folders), merged.</summary>
    private static Dictionary<string, string> Load(Assembly assembly, string culture)
    {
        var names = assembly.GetManifestResourceNames().Where(n => n.EndsWith($".Localization.{culture}.json", StringComparison.Ordinal)).ToList();
        names.ShouldNotBeEmpty();
        var texts = new Dictionary<string, string>();
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
            {
                texts[key] = value;
            }
        }

        return texts;
    }
}

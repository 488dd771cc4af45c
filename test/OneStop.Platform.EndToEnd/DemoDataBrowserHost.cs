using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Domain;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The embedded default as a newcomer's <c>dotnet run</c> starts it: Development, SQLite, today's tree (the shipped
/// change sets) and the demo dataset with its default size from appsettings.Development.json (ADR 0019).
/// </summary>
public sealed class DemoDataBrowserHost : BrowserHost
{
    public DemoDataBrowserHost() : base(TestProvider.Sqlite)
    {
        With("Seed:Reorganisations", "true");
        With("Seed:DemoData", "true");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        // The host's own clock kind over the test clock, so the generator can shift time for its flow.
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new AsOfClock(Clock)));
    }
}

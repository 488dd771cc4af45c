using OneStop.Platform.Host;

var app = OneStopHost.Build(args);

// `dotnet run -- migrate`: bring every schema up to date and seed, then exit (for deployments that migrate separately).
if (args.Contains("migrate"))
{
    await OneStopHost.InitializeAsync(app.Services, CancellationToken.None);
    return;
}

// Otherwise migrations and seeding run at start-up (Database:MigrateOnStartup, default true), before requests are served.
await app.RunAsync();

/// <summary>Entry point marker for WebApplicationFactory.</summary>
public partial class Program;

using OneStop.Platform.Host;

var app = OneStopHost.Build(args);

// `dotnet run -- migrate`: bring every schema up to date and seed, then exit (for deployments that migrate separately).
var migrateOnly = args.Contains("migrate");
if (migrateOnly || app.Configuration.GetValue("Database:MigrateOnStartup", true))
{
    await OneStopHost.InitializeAsync(app.Services, CancellationToken.None);
}

if (!migrateOnly)
{
    await app.RunAsync();
}

/// <summary>Entry point marker for WebApplicationFactory.</summary>
public partial class Program;

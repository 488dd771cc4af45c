using OneStop.Platform.Host;
using OneStop.Platform.Host.Identity;

var app = OneStopHost.Build(args);

// `dotnet run -- migrate`: bring every schema up to date and seed, then exit (for deployments that migrate separately).
if (args.Contains("migrate"))
{
    await OneStopHost.InitializeAsync(app.Services, CancellationToken.None);
    return 0;
}

// `dotnet OneStop.Platform.Host.dll create-admin --login … --name …`: the first system administrator (password on stdin).
if (args.Contains(CreateAdminCommand.Name))
{
    return await CreateAdminCommand.RunAsync(app.Services, args, Console.In, Console.Out);
}

// Otherwise migrations and seeding run at start-up (Database:MigrateOnStartup, default true), before requests are served.
await app.RunAsync();
return 0;

/// <summary>Entry point marker for WebApplicationFactory.</summary>
public partial class Program;

using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using OneStop.Platform.Host.Api;
using OneStop.Platform.Host.Identity;
using OneStop.Platform.Host.Jobs;
using OneStop.Platform.Host.Web;
using OneStop.Platform.Identity;
using OneStop.Platform.Modules;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host;

/// <summary>Composition of the host: kernel, enabled modules, identity, web shell, REST, jobs.</summary>
public static class OneStopHost
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings*.json are read at start, not watched: a watch puts a file-system watcher on the whole content
        // root, where App_Data lives, and every Lucene, blob and SQLite file written there woke it (3.6 % of the host's
        // CPU under the intake load, etc/bench/Intake). Nothing here reads options again on a change: a new setting
        // takes a restart, as an environment variable does. Placed first, so a later argument can still say true.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        configure?.Invoke(builder);
        var configuration = builder.Configuration;
        var modules = HostModules.Enabled(configuration);

        if (configuration.GetValue("Database:MigrateOnStartup", true) && !args.Contains("migrate"))
        {
            // Registered first (before the outbox relay, the job server and the web server), so it completes before the first request is accepted.
            builder.Services.AddHostedService<StartupInitializer>();
        }

        builder.Services.AddHostedService<ReadyBanner>();
        builder.Services.AddOneStopPlatform(configuration, modules);
        // Real time, which the demo dataset shifts for its own flow only (ADR 0019).
        builder.Services.AddSingleton<TimeProvider>(new OneStop.Platform.Domain.AsOfClock(TimeProvider.System));
        builder.Services.AddSingleton<OneStop.Platform.Host.Demo.DemoDataStatus>();
        builder.Services.AddHostedService<OneStop.Platform.Host.Demo.DemoDataGenerator>();
        foreach (var module in modules)
        {
            module.ConfigureServices(builder.Services, configuration);
        }

        builder.Services.AddPlatformIdentity(configuration, builder.Environment);
        builder.Services.AddPlatformApi();
        builder.Services.AddApiRateLimiting(configuration);
        builder.Services.AddPlatformJobs(configuration);
        OneStop.Platform.Host.Telemetry.TelemetrySetup.AddPlatformTelemetry(builder.Services, configuration); // ADR 0041
        builder.Services.AddScoped<OneStop.Platform.Host.Pages.ShellService>();
        builder.Services.AddScoped<OneStop.Platform.Host.Pages.People.PeopleLookups>();
        builder.Services.AddLocalization();
        FluentValidation.ServiceCollectionExtensions.AddValidatorsFromAssembly(builder.Services, typeof(OneStopHost).Assembly, includeInternalTypes: true);
        // Vietnamese text goes out as UTF-8, not as numeric character references.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        var keys = configuration["DataProtection:KeysDirectory"]
            ?? Path.Combine(configuration["Database:DataDirectory"] ?? "App_Data", "keys");
        // Cookies survive restarts; instances behind a load balancer must share this folder (or a key store).
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("OneStop.Platform");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            // The neutral "vi" and "en" too: a program sends "Accept-Language: en" and a link says "?culture=en", which
            // would otherwise match neither vi-VN nor en-US and fall back to Vietnamese.
            o.SupportedCultures = o.SupportedUICultures = [.. Cultures, new CultureInfo("vi"), new CultureInfo("en")];
            // Vietnamese first whatever the browser says; a person switches with the language menu (cookie).
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new OneStop.Platform.Host.Localization.ApiAcceptLanguageProvider(), new CookieRequestCultureProvider()];
        });

        var disabled = HostModules.All.Except(modules).Select(m => m.Assembly.GetName().Name).ToHashSet();
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
                o.Conventions.AllowAnonymousToPage("/Error");
                foreach (var module in modules)
                {
                    o.Conventions.AuthorizeAreaFolder(module.Name, "/");
                }
            })
            .AddMvcOptions(o =>
            {
                // Framework validation messages in the reader's language, by code (ADR 0020).
                o.ModelMetadataDetailsProviders.Add(new OneStop.Platform.Host.Localization.RequiredMessageProvider());
                var m = o.ModelBindingMessageProvider;
                m.SetAttemptedValueIsInvalidAccessor((value, _) => Messages.Text(PlatformMessages.ValueInvalid, value));
                m.SetMissingBindRequiredValueAccessor(_ => Messages.Text(PlatformMessages.FieldRequired));
                m.SetMissingKeyOrValueAccessor(() => Messages.Text(PlatformMessages.FieldRequired));
                m.SetMissingRequestBodyRequiredValueAccessor(() => Messages.Text(PlatformMessages.BodyMissing));
                m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Messages.Text(PlatformMessages.ValueInvalid, value));
                m.SetNonPropertyUnknownValueIsInvalidAccessor(() => Messages.Text(PlatformMessages.ValueInvalid, ""));
                m.SetNonPropertyValueMustBeANumberAccessor(() => Messages.Text(PlatformMessages.NumberExpected));
                m.SetUnknownValueIsInvalidAccessor(_ => Messages.Text(PlatformMessages.ValueInvalid, ""));
                m.SetValueIsInvalidAccessor(value => Messages.Text(PlatformMessages.ValueInvalid, value));
                m.SetValueMustBeANumberAccessor(_ => Messages.Text(PlatformMessages.NumberExpected));
                m.SetValueMustNotBeNullAccessor(_ => Messages.Text(PlatformMessages.FieldRequired));
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, _) => OneStop.Platform.Host.Localization.MessageLocalizer.Instance)
            .ConfigureApplicationPartManager(parts =>
            {
                // A disabled module contributes no pages.
                // (both its AssemblyPart and its CompiledRazorAssemblyPart, which share the assembly's name)
                foreach (var part in parts.ApplicationParts.Where(p => disabled.Contains(p.Name)).ToList())
                {
                    parts.ApplicationParts.Remove(part);
                }
            });

        var trustedProxies = configuration.GetSection("Network:TrustedProxies").Get<string[]>() ?? [];
        if (trustedProxies.Length > 0)
        {
            // Behind a reverse proxy the client's address (sign-in throttle, sessions) comes from X-Forwarded-For,
            // believed only from the proxies named here.
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in trustedProxies)
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            });
        }

        var app = builder.Build();
        app.Services.UsePlatformJobFilters();

        if (trustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UsePlatformFileSafety(); // downloads as attachments with nosniff; a failed request's blobs taken back (ADR 0033)
        // Before the error handlers: an error, a status page or a ProblemDetails is written in the reader's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // emitted on HTTPS responses only
        }

        // The API answers errors with ProblemDetails, people get the error page.
        app.UseWhen(ctx => ApiPaths.IsApi(ctx.Request), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !ApiPaths.IsApi(ctx.Request), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<TokenThrottleMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<OriginCheckMiddleware>();
        app.UseMiddleware<AccountGateMiddleware>();
        app.UseUnitScope();
        app.UseApiUsage();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapPlatformIdentityEndpoints();
        app.MapPlatformApi(modules);
        app.MapPlatformJobs();
        OneStop.Platform.Host.Telemetry.TelemetrySetup.MapPlatformMetrics(app, configuration);
        return app;
    }

    /// <summary>Migrations, seed data and recurring jobs; idempotent, run at every start.</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct)
    {
        var scope = services.GetRequiredService<ICurrentScope>();
        using var _ = scope.Change(UnitScope.Unrestricted, null, "system");
        await DatabaseInitializer.MigrateAsync(services, ct);
        await PlatformSeeder.SeedAsync(services, ct);
        await OneStop.Platform.Identity.ApiClientRegistrar.SeedDemoClientAsync(services, ct);
        var modules = services.GetRequiredService<ModuleRegistry>().Modules;
        foreach (var module in modules)
        {
            // A scope per module: seeders use scoped services (DbContexts), which Development's scope validation
            // refuses to resolve from the root provider.
            using var seedScope = services.CreateScope();
            await module.SeedAsync(seedScope.ServiceProvider, ct);
        }

        var configuration = services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        if (configuration.GetValue("Seed:Reorganisations", false))
        {
            // Today's world for the embedded default: 2021's Hải Dương, then 2024-12-01 and 2025-07-01 (ADR 0015).
            await OneStop.Platform.AdministrativeUnits.Reorganisations.ShippedReorganisations.ApplyAllAsync(services, ct);
            await PlatformSeeder.SeedDemoPeopleAsync(services, ct); // demo people of the new units
        }

        await services.GetRequiredService<OneStop.Platform.AdministrativeUnits.Reorganisations.Reorganiser>().TakeEffectDueAsync(ct);
        await OneStop.Platform.Host.Demo.DemoDataSeeder.PrepareAsync(services, ct); // Development only, once (Seed:DemoData); generated after start

        var jobs = new OneStop.Platform.Jobs.RecurringJobs(services.GetRequiredService<IRecurringJobManager>());
        OneStop.Platform.Jobs.PlatformJobs.Configure(jobs);
        foreach (var module in modules)
        {
            module.ConfigureJobs(jobs);
        }
    }

    private sealed class StartupInitializer(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(services, cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

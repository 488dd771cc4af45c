using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.AspNetCore.Hosting.Server;
using OneStop.Platform.Identity;
using OneStop.Platform.Scoping;
using Xunit;

namespace OneStop.Platform.TestKit;

/// <summary>
/// The real host on a fresh database, seeded with the demo users (<see cref="PlatformSeeder.DemoUsers"/>).
/// One per test class (xunit class fixture); tests inside a class share it and must not depend on each other's writes.
/// </summary>
public class OneStopFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new();
    private TestDatabase? _database;
    private TestDatabase? _sharedDatabase; // another instance's: not created nor dropped here

    public OneStopFactory() : this(TestProvider.PostgreSql) { }

    protected OneStopFactory(TestProvider provider) => Provider = provider;

    public TestProvider Provider { get; }

    /// <summary>The host's <see cref="TimeProvider"/>: real time unless a test sets it.</summary>
    public TestClock Clock => _clock ??= new TestClock { Running = ClockRuns };

    private TestClock? _clock;
    private int _hostsCreated;

    /// <summary>Whether a set <see cref="Clock"/> keeps running (a host on Kestrel needs it).</summary>
    protected virtual bool ClockRuns => false;
    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised yet.");

    /// <summary>Extra configuration, set before the host starts (e.g. <c>Modules:Training:Enabled</c>).</summary>
    public OneStopFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        if (_sharedDatabase is not null)
        {
            _database = _sharedDatabase;
            StartServer();
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider);
        await PrepareDatabaseAsync(_database);
        StartServer(); // migrations and seed data run before it serves
    }

    /// <summary>
    /// A second host instance on this factory's database and data directory, with the same settings: its own server,
    /// services and memory, as a second machine behind a load balancer has. Initialise it after this one; dispose it
    /// before (the database stays this factory's).
    /// </summary>
    public OneStopFactory AnotherInstance()
    {
        var other = new OneStopFactory(Provider) { _sharedDatabase = Database };
        foreach (var (key, value) in _settings)
        {
            other._settings[key] = value;
        }

        return other;
    }

    /// <summary>A host on <paramref name="database"/>, which it neither creates nor drops (e.g. <see cref="TestDatabase.KeptAsync"/>).</summary>
    public static OneStopFactory On(TestDatabase database) => new(TestProvider.PostgreSql) { _sharedDatabase = database };

    /// <summary>Runs on the empty database before the host starts: migration tests put it in an older state here.</summary>
    protected virtual Task PrepareDatabaseAsync(TestDatabase database) => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null && _sharedDatabase is null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// Settings go in as host configuration so Program sees them before it builds (the module list is read then);
    /// settings given through ConfigureWebHost arrive only after the build (dotnet/aspnetcore#37680).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(Settings()));
        // One host per factory. WebApplicationFactory.StartServer is not re-entrant: anything that touches Services
        // while the host starts (a hosted service's HTTP call did) would build a second host with its own singletons.
        if (Interlocked.Increment(ref _hostsCreated) > 1)
        {
            throw new InvalidOperationException("A second host was requested from the same test factory while the first was starting.");
        }

        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outgoing HTTP (connectors to the national systems) reaches this host's own simulators: in memory on the
        // test server, over loopback when the host runs on Kestrel. Nothing leaves the machine. The server comes from
        // the host's own container, never from the factory (whose Services would start the host again, see CreateHost).
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureAll<HttpClientFactoryOptions>(o =>
                o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = new LoopbackHandler(b.Services.GetRequiredService<IServer>())));
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>Header a test sets to play a client at that address (TestServer has no remote address).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>
    /// TestServer leaves the connection's remote address empty; the host reads the client's address from there
    /// (sign-in throttle, sessions), so tests set it with <see cref="ClientAddressHeader"/>. Test-only: production
    /// never believes a header for this.
    /// </summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <remarks>
    /// An <see cref="HttpClientHandler"/> only because OpenIddict's client accepts no other primary handler (its check runs
    /// after this one is set); nothing of the base is used, every request goes to <see cref="SendAsync"/>.
    /// </remarks>
    private sealed class LoopbackHandler(IServer server) : HttpClientHandler
    {
        private HttpMessageInvoker? _inner;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A call made before the test server has started fails here, as an unreachable system would, and is retried.
            _inner ??= new HttpMessageInvoker(server is TestServer testServer ? testServer.CreateHandler() : new SocketsHttpHandler(), disposeHandler: true);
            return _inner.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            _inner?.Dispose();
            base.Dispose(disposing);
        }
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider == TestProvider.PostgreSql ? "PostgreSql" : "Sqlite",
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["Database:DataDirectory"] = Database.DataDirectory,
            // A context used by two threads at once fails the test loudly (off in the product, ADR 0061).
            ["Database:ThreadSafetyChecks"] = "true",
            ["Seed:DemoUsers"] = "true",
            ["Seed:DemoApiClient"] = "true",
            ["Seed:SampleDecisions"] = "true",
            ["OpenIddict:AllowHttp"] = "true",
            // TestServer speaks plain http: a Secure cookie would never come back.
            ["Identity:SecureCookies"] = "false",
            // Demo admins have no authenticator; the tests that need two-factor sign-in enrol one themselves.
            ["Identity:RequireTwoFactorForAdmins"] = "false",
            // Tests drive the relay themselves; jobs run only where a test enables the server.
            ["Outbox:PollingEnabled"] = "false",
            ["Jobs:ServerEnabled"] = "false",
            // Keep test output readable: the host's information logs (SQL, migrations) only on failure-worthy levels.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:OpenIddict"] = "Warning",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// For a console program (a benchmark): test projects get the host's content root from Mvc.Testing's build
    /// targets, a console finds it in the source tree above its binaries.
    /// </summary>
    public static void UseSourceTreeContentRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "OneStop.Platform.Host")))
        {
            root = root.Parent;
        }

        var host = root is null ? throw new InvalidOperationException("src/OneStop.Platform.Host not found above " + AppContext.BaseDirectory) : Path.Combine(root.FullName, "src", "OneStop.Platform.Host");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ONESTOP_PLATFORM_HOST", host);
    }

    /// <summary>A client with a cookie jar, signed in as a demo user through the real login form.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = PlatformSeeder.DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken(form);
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts a Razor Pages form (with the antiforgery token taken from <paramref name="formPage"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken(html);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>A client carrying a bearer token from the client-credentials flow.</summary>
    public async Task<HttpClient> ApiClientAsync(string clientId = ApiClientRegistrar.DemoClientId, string secret = ApiClientRegistrar.DemoClientSecret)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, secret));
        return client;
    }

    public async Task<string> TokenAsync(string clientId, string secret, string? scope = null)
    {
        using var anonymous = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"Token request failed: {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>Runs <paramref name="action"/> with a DI scope acting for a unit (system actor), as a job or seed would.</summary>
    public async Task<T> InScopeAsync<T>(UnitScope unit, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(unit, null, "test");
        return await action(scope.ServiceProvider);
    }

    public Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> action) => InScopeAsync(UnitScope.Unrestricted, action);

    /// <summary>
    /// Seals what is pending in <typeparamref name="TContext"/>'s audit trail, as the host's sealer does within a second
    /// (ADR 0047), for a test that reads the trail right after a write.
    /// </summary>
    public Task<int> SealAuditAsync<TContext>() where TContext : Microsoft.EntityFrameworkCore.DbContext =>
        AsSystemAsync(sp => OneStop.Platform.Auditing.AuditSealer.SealAsync(sp.GetRequiredService<TContext>(), wait: true));

    /// <summary>
    /// Operator set-up for a test: an account with the demo password and one membership of the unit holding
    /// <paramref name="unitCode"/> (its latest holder), for one of its agencies when <paramref name="agencyCode"/> is given.
    /// Nothing when the login exists already.
    /// </summary>
    public Task CreatePersonAsync(string login, string fullName, string position, string unitCode, string role, string? agencyCode) =>
        AsSystemAsync<bool>(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
            if (await users.FindByNameAsync(login) is not null)
            {
                return false;
            }

            var db = sp.GetRequiredService<OneStop.Platform.Persistence.PlatformDbContext>();
            var unit = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.AdministrativeUnits)
                    .Where(u => u.Code == unitCode).OrderByDescending(u => u.ValidFrom));
            var user = new PlatformUser { UserName = login, FullName = fullName, Position = position, Email = login + "@example.gov.vn", EmailConfirmed = true };
            user.RefreshSearchText();
            var created = await users.CreateAsync(user, PlatformSeeder.DemoPassword);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            db.UnitMemberships.Add(new UnitMembership
            {
                UserId = user.Id, UnitId = unit.Id, UnitPath = unit.Path, IsDefault = true, AgencyCode = agencyCode, Roles = [role], ValidFrom = new DateOnly(2021, 1, 1),
            });
            await db.SaveChangesAsync();
            return true;
        });
}

/// <summary>The same host on the embedded default (SQLite files).</summary>
public class SqliteOneStopFactory() : OneStopFactory(TestProvider.Sqlite);

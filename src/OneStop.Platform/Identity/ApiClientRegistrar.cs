using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Platform.Identity;

/// <summary>Registers third-party systems: an OpenIddict confidential client plus the unit and scopes it acts with.</summary>
public static class ApiClientRegistrar
{
    public const string DemoClientId = "cong-dvc-demo";
    public const string DemoClientSecret = "demo-secret-2025";

    public static async Task RegisterAsync(IServiceProvider services, string clientId, string secret, string displayName, string unitCode,
        IReadOnlyCollection<string> scopes, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await applications.FindByClientIdAsync(clientId, ct) is not null)
        {
            return;
        }

        var unit = await db.AdministrativeUnits.IgnoreQueryFilters().SingleAsync(u => u.Code == unitCode, ct);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            DisplayName = displayName,
            ClientType = ClientTypes.Confidential,
            Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var s in scopes)
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + s);
        }

        await applications.CreateAsync(descriptor, ct);
        db.ApiClients.Add(new ApiClient { ClientId = clientId, DisplayName = displayName, UnitId = unit.Id, UnitPath = unit.Path, Scopes = scopes.ToList() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The embedded default's demo client (README): reads units of the whole province.</summary>
    /// <summary>A new secret for the client; the old one stops working at once. Returns null for an unknown client.</summary>
    public static async Task<string?> RotateSecretAsync(IServiceProvider services, string clientId, CancellationToken ct = default)
    {
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
        {
            return null;
        }

        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, ct);
        return secret;
    }

    /// <summary>256 random bits, hex.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static async Task SeedDemoClientAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<IConfiguration>().GetValue("Seed:DemoApiClient", false))
        {
            await RegisterAsync(services, DemoClientId, DemoClientSecret, "Cổng Dịch vụ công (thử nghiệm)", "30", [PlatformPermissions.UnitsRead], ct);
        }
    }
}

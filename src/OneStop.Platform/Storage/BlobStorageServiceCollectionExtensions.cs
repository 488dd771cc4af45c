using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Storage;

public static class BlobStorageServiceCollectionExtensions
{
    /// <summary>The blob store chosen by <c>Blobs:Provider</c>, the upload guard and the virus-scan hook.</summary>
    public static IServiceCollection AddPlatformBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BlobStorageOptions>(configuration.GetSection(BlobStorageOptions.Section));
        services.AddSingleton<IBlobStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value;
            var root = Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
                o.Root ?? Path.Combine(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory, "blobs"));
            return string.Equals(o.Provider, "S3", StringComparison.OrdinalIgnoreCase)
                ? new S3BlobStore(o.S3, Path.Combine(root, ".staging"))
                : new FileSystemBlobStore(root);
        });
        services.AddSingleton<IVirusScanner>(sp => sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value switch
        {
            { ClamAv.Host: { Length: > 0 } } => ActivatorUtilities.CreateInstance<ClamAvScanner>(sp),
            { VirusScanCommand: { Length: > 0 } command } when !string.IsNullOrWhiteSpace(command) => ActivatorUtilities.CreateInstance<CommandVirusScanner>(sp),
            _ => new NoVirusScanner(),
        });
        services.AddSingleton<OrphanBlobs>();
        services.AddSingleton<UploadGuard>();
        return services;
    }

    /// <summary>
    /// Declares the columns of <typeparamref name="TContext"/> that hold blob keys (each a query selecting the key), so
    /// the orphan job and the clean-up of a refused upload never remove a blob a row still points at (ADR 0033). Every
    /// module that keeps blob keys calls it once.
    /// </summary>
    public static IServiceCollection AddBlobReferences<TContext>(this IServiceCollection services, params Func<TContext, IQueryable<string?>>[] columns)
        where TContext : DbContext =>
        services.AddScoped<IBlobReferences>(sp => new DbBlobReferences<TContext>(sp.GetRequiredService<TContext>(), columns));
}

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
        services.AddSingleton<IVirusScanner>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.VirusScanCommand)
            ? new NoVirusScanner()
            : ActivatorUtilities.CreateInstance<CommandVirusScanner>(sp));
        services.AddSingleton<UploadGuard>();
        return services;
    }
}

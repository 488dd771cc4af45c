using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Platform.Storage;

public static class FileSafetyApplicationBuilderExtensions
{
    /// <summary>
    /// Safe downloads on every response (<see cref="SafeDownloads"/>), and the blobs a request stored taken back when it
    /// fails (an exception, or a status of 400 or more) unless a row references them (ADR 0033). Early in the pipeline,
    /// outside the exception handler, so the final status is known.
    /// </summary>
    public static IApplicationBuilder UsePlatformFileSafety(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            SafeDownloads.Apply(context.Response);
            return Task.CompletedTask;
        });
        BlobsCreatedInRequest.Begin();
        var failed = true;
        try
        {
            await next(context);
            failed = context.Response.StatusCode >= 400;
        }
        finally
        {
            var created = BlobsCreatedInRequest.Take();
            BlobsCreatedInRequest.End();
            if (failed && created.Count > 0)
            {
                try
                {
                    await context.RequestServices.GetRequiredService<OrphanBlobs>().DeleteUnreferencedAsync(created, CancellationToken.None);
                }
                catch (Exception e)
                {
                    // The orphan job removes them later.
                    context.RequestServices.GetRequiredService<ILogger<OrphanBlobs>>().LogWarning(e, "Blobs of a failed request were not removed");
                }
            }
        }
    });
}

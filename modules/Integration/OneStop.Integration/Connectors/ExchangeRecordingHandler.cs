using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Scoping;

namespace OneStop.Integration.Connectors;

/// <summary>
/// Innermost handler of every connector: records each attempt (the resilience handler outside it retries), with digests,
/// status, duration and error, in its own unit of work so a failed business operation still leaves its trace.
/// </summary>
internal sealed class ExchangeRecordingHandler(string system, IServiceScopeFactory scopes, ICurrentScope currentScope, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var record = new ExchangeRecord
        {
            System = system,
            Operation = $"{request.Method} {request.RequestUri?.AbsolutePath}",
            RequestedAt = clock.GetUtcNow(),
            RequestDigest = Digest(Encoding.UTF8.GetBytes($"{request.Method} {request.RequestUri}\n").Concat(requestBody).ToArray()),
            ActorName = currentScope.ActorName,
            UnitPath = currentScope.Unit.Path,
        };
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            record.StatusCode = (int)response.StatusCode;
            record.Succeeded = response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotFound;
            record.ResponseDigest = Digest(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            if (!record.Succeeded)
            {
                record.Error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }

            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            record.Error = e is HttpRequestException ? e.Message[..Math.Min(e.Message.Length, 1000)] : "Hết thời gian chờ phản hồi";
            throw;
        }
        finally
        {
            record.DurationMs = (int)watch.ElapsedMilliseconds;
            await SaveAsync(record);
        }
    }

    private async Task SaveAsync(ExchangeRecord record)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "connector:" + system);
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        db.ExchangeRecords.Add(record);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Digest(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Jobs;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Auditing;

/// <summary>
/// Seals every schema's pending audit records into its chain every <c>Audit:SealIntervalMilliseconds</c> (default 500)
/// while the host runs (ADR 0047); instances share the work through the per-schema lock.
/// </summary>
internal sealed class AuditSealingService(IServiceScopeFactory scopes, IEnumerable<DbContextRegistration> contexts, IConfiguration configuration, ILogger<AuditSealingService> logger)
    : PollingBackgroundService(configuration, logger, "Audit:SealIntervalMilliseconds", 500)
{
    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var registration in contexts)
        {
            using var scope = scopes.CreateScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "audit-sealer");
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            try
            {
                // One batch a schema a round; the loop drains while rounds find work.
                done += await AuditSealer.SealAsync(db, wait: false, cancellationToken) > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A schema not migrated yet (start-up) or a passing fault: the next round tries again.
                logger.LogWarning(e, "Sealing the audit trail of {Schema} failed", registration.Schema);
            }
        }

        return done;
    }
}

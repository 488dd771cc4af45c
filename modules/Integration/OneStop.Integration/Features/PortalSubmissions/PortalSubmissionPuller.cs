using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Jobs;
using OneStop.Platform.Localization;
using OneStop.Platform.Messaging;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;

namespace OneStop.Integration.Features.PortalSubmissions;

/// <summary>One online submission taken from the portal: the unique reference makes the pull idempotent.</summary>
internal sealed class IncomingSubmission : Entity
{
    public string PortalReference { get; set; } = "";
    public long Sequence { get; set; }
    public string UnitCode { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public DateTimeOffset PulledAt { get; set; }
}

/// <summary>
/// The portal's submission feed as its contract describes it (ADR 0051): ordered by sequence, paged after a sequence;
/// each with the applicant's e-form (<see cref="FormData"/>, a JSON object) and the components' files to fetch.
/// </summary>
internal sealed record PortalSubmission(
    long Sequence, string Reference, string UnitCode, string ProcedureCode, string ApplicantKind, string ApplicantIdentity, string ApplicantName,
    DateOnly? ApplicantDateOfBirth, string? ApplicantAddress, string? ApplicantPhone, string? ApplicantEmail, string[] ComponentCodes, DateTimeOffset SubmittedAt,
    PortalPayment? Payment = null, System.Text.Json.Nodes.JsonObject? FormData = null, PortalFileLink[]? Files = null);

/// <summary>
/// Pulls online dossiers from the National Public Service Portal after the last sequence taken, records each reference
/// once and publishes <see cref="OnlineDossierSubmitted"/> in the same transaction (outbox), so a crash between the two
/// loses nothing and a re-pull duplicates nothing.
/// </summary>
internal sealed class PortalSubmissionPuller(
    IServiceScopeFactory scopes, IHttpClientFactory http, ConnectorAddresses addresses, PortalFileFetcher files, ILogger<PortalSubmissionPuller> logger)
{
    public async Task<int> PullAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "cong-dvc-quoc-gia");
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var units = scope.ServiceProvider.GetRequiredService<IAdministrativeUnitDirectory>();
        var after = await db.IncomingSubmissions.MaxAsync(s => (long?)s.Sequence, ct) ?? 0;
        PortalSubmission[]? batch;
        try
        {
            var client = http.CreateClient(NationalSystem.Portal.HttpClientName);
            batch = await client.GetFromJsonAsync<PortalSubmission[]>(addresses.For(NationalSystem.Portal, $"submissions?after={after}&limit=100"), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Portal submissions unavailable; next round continues after sequence {After}", after);
            return 0;
        }

        var taken = 0;
        foreach (var s in batch ?? [])
        {
            if (await db.IncomingSubmissions.AnyAsync(x => x.PortalReference == s.Reference, ct))
            {
                continue;
            }

            try
            {
                await OfferAsync(db, units, s, ct);
            }
            catch (Exception e) when (e is HttpRequestException or UploadRejectedException && !ct.IsCancellationRequested)
            {
                // A file could not be downloaded: stop before this sequence, so the next round starts with it again.
                logger.LogWarning(e, "Files of portal submission {Reference} unavailable; next round retries from sequence {Sequence}", s.Reference, s.Sequence);
                break;
            }

            taken++;
        }

        return taken;
    }

    /// <summary>
    /// Offers every submission after <paramref name="afterSequence"/> again, taken before or not: the consumer (Counters)
    /// keeps per portal reference what became of each, so the ones it dropped are filed or queued now and the others
    /// are left alone. The regular pull's position is not moved.
    /// </summary>
    public async Task<PortalRepull> RepullAsync(long afterSequence, CancellationToken ct)
    {
        const int Page = 100;
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "cong-dvc-quoc-gia");
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var units = scope.ServiceProvider.GetRequiredService<IAdministrativeUnitDirectory>();
        var client = http.CreateClient(NationalSystem.Portal.HttpClientName);
        var after = Math.Max(0, afterSequence);
        var offered = 0;
        while (true)
        {
            PortalSubmission[] batch;
            try
            {
                batch = await client.GetFromJsonAsync<PortalSubmission[]>(addresses.For(NationalSystem.Portal, $"submissions?after={after}&limit={Page}"), ct) ?? [];
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Portal submissions unavailable during a re-pull after sequence {After}", after);
                return new PortalRepull(false, offered, after,
                    Messages.Text(IntegrationMessages.RepullInterrupted, offered, after));
            }

            foreach (var s in batch)
            {
                var takenBefore = await db.IncomingSubmissions.AnyAsync(x => x.PortalReference == s.Reference, ct);
                try
                {
                    await OfferAsync(db, units, s, ct, record: !takenBefore);
                }
                catch (Exception e) when (e is HttpRequestException or UploadRejectedException && !ct.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Files of portal submission {Reference} unavailable during a re-pull", s.Reference);
                    return new PortalRepull(false, offered, after, Messages.Text(IntegrationMessages.RepullInterrupted, offered, after));
                }
                catch (DbUpdateException) when (!takenBefore)
                {
                    // The regular pull recorded it meanwhile (unique reference): offer it without recording it again.
                    db.ChangeTracker.Clear();
                    await OfferAsync(db, units, s, ct, record: false);
                }
                offered++;
                after = Math.Max(after, s.Sequence);
            }

            if (batch.Length < Page)
            {
                return new PortalRepull(true, offered, after, Messages.Text(IntegrationMessages.Repulled, offered));
            }
        }
    }

    /// <summary>Records the reference (first time only) and publishes the submission in the same transaction.</summary>
    private async Task OfferAsync(IntegrationDbContext db, IAdministrativeUnitDirectory units, PortalSubmission s, CancellationToken ct, bool record = true)
    {
        // The files first: a download failure throws before anything is recorded (the round stops and retries).
        var fetched = s.Files is { Length: > 0 } links ? await files.FetchAsync(links, ct) : new PortalFileFetcher.Outcome([], null);
        var unit = await units.FindByCodeAsync(s.UnitCode, VietnamTime.DayOf(s.SubmittedAt), ct);
        if (record)
        {
            db.IncomingSubmissions.Add(new IncomingSubmission
            {
                PortalReference = s.Reference, Sequence = s.Sequence, UnitCode = s.UnitCode, ProcedureCode = s.ProcedureCode, PulledAt = DateTimeOffset.UtcNow,
            });
        }

        db.Publish(new OnlineDossierSubmitted(s.Reference, s.UnitCode, s.ProcedureCode, s.ApplicantKind, s.ApplicantIdentity, s.ApplicantName,
            s.ApplicantDateOfBirth, s.ApplicantAddress, s.ApplicantPhone, s.ApplicantEmail, s.ComponentCodes, s.SubmittedAt, s.Payment,
            s.FormData?.ToJsonString(), fetched.Files, fetched.Refusal) { UnitPath = unit?.Path ?? "/" });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The feed as other modules see it (<see cref="IPortalSubmissionFeed"/>).</summary>
internal sealed class PortalSubmissionFeed(PortalSubmissionPuller puller) : IPortalSubmissionFeed
{
    public Task<PortalRepull> RepullAsync(long afterSequence, CancellationToken ct = default) => puller.RepullAsync(afterSequence, ct);
}

/// <summary>Pulls the portal every few seconds (Integration:PortalSubmissions:Enabled, :IntervalMilliseconds).</summary>
internal sealed class PortalSubmissionService(PortalSubmissionPuller puller, IConfiguration configuration, ILogger<PortalSubmissionService> logger)
    : PollingBackgroundService(configuration, logger, "Integration:PortalSubmissions:IntervalMilliseconds", 5000)
{
    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => puller.PullAsync(cancellationToken);
}

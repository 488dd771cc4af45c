using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using OneStop.Integration.Contracts;
using OneStop.Platform;
using OneStop.Platform.Localization;
using OneStop.Platform.Web;

namespace OneStop.Integration.Connectors;

/// <summary>
/// Calls the national systems through the resilient clients and maps their answers to the contract. A system that stays
/// down after the retries (or whose circuit is open) yields <see cref="LookupOutcome.Unavailable"/> with a message in the
/// reader's language (ADR 0020), so the officer can continue by hand.
/// </summary>
internal sealed class NationalSystemsClient(IHttpClientFactory http, ConnectorAddresses addresses, ILogger<NationalSystemsClient> logger) : IIntegrationApi
{
    internal sealed record VerifyCitizenRequest(string CitizenId, string FullName, DateOnly DateOfBirth);

    internal sealed record VerifyCitizenResponse(bool Matched, CitizenIdentity? Citizen);

    public async Task<CitizenVerification> VerifyCitizenAsync(string citizenId, string fullName, DateOnly dateOfBirth, CancellationToken ct = default)
    {
        if (!CitizenIdFormat.IsValid(citizenId))
        {
            throw new PlatformException(IntegrationErrorCodes.InvalidCitizenId);
        }

        var system = NationalSystem.Population;
        var (status, body) = await CallAsync<VerifyCitizenResponse>(system, client =>
            client.PostAsJsonAsync(addresses.For(system, "citizens/verify"), new VerifyCitizenRequest(citizenId, fullName.Trim(), dateOfBirth), ct), ct);
        return status switch
        {
            HttpStatusCode.OK when body is { Matched: true, Citizen: { } c } => new(LookupOutcome.Found, c, Messages.Text(IntegrationMessages.CitizenMatched)),
            HttpStatusCode.OK => new(LookupOutcome.Mismatch, null, Messages.Text(IntegrationMessages.CitizenMismatch)),
            HttpStatusCode.NotFound => new(LookupOutcome.NotFound, null, Messages.Text(IntegrationMessages.CitizenNotFound)),
            _ => new(LookupOutcome.Unavailable, null, Unavailable(system)),
        };
    }

    public async Task<EnterpriseLookup> FindEnterpriseAsync(string enterpriseCode, CancellationToken ct = default)
    {
        var system = NationalSystem.Business;
        var (status, body) = await CallAsync<Enterprise>(system, client =>
            client.GetAsync(addresses.For(system, "enterprises/" + Uri.EscapeDataString(enterpriseCode.Trim())), ct), ct);
        return status switch
        {
            HttpStatusCode.OK when body is not null => new(LookupOutcome.Found, body, Messages.Text(IntegrationMessages.EnterpriseFound)),
            HttpStatusCode.NotFound => new(LookupOutcome.NotFound, null, Messages.Text(IntegrationMessages.EnterpriseNotFound)),
            _ => new(LookupOutcome.Unavailable, null, Unavailable(system)),
        };
    }

    public async Task<LandParcelLookup> FindLandParcelAsync(string certificateNumber, CancellationToken ct = default)
    {
        var system = NationalSystem.Land;
        var (status, body) = await CallAsync<LandParcel>(system, client =>
            client.GetAsync(addresses.For(system, "parcels/" + Uri.EscapeDataString(certificateNumber.Trim())), ct), ct);
        return status switch
        {
            HttpStatusCode.OK when body is not null => new(LookupOutcome.Found, body, Messages.Text(IntegrationMessages.ParcelFound)),
            HttpStatusCode.NotFound => new(LookupOutcome.NotFound, null, Messages.Text(IntegrationMessages.ParcelNotFound)),
            _ => new(LookupOutcome.Unavailable, null, Unavailable(system)),
        };
    }

    public async Task<PortalDataStoreLookup> FetchPortalDataStoreAsync(string citizenId, CancellationToken ct = default)
    {
        var system = NationalSystem.Portal;
        var (status, body) = await CallAsync<PortalDocument[]>(system, client =>
            client.GetAsync(addresses.For(system, "citizens/" + Uri.EscapeDataString(citizenId.Trim()) + "/documents"), ct), ct);
        return status switch
        {
            HttpStatusCode.OK when body is { Length: > 0 } => new(LookupOutcome.Found, body, Messages.Text(IntegrationMessages.PortalDocumentsFound, body.Length)),
            HttpStatusCode.OK or HttpStatusCode.NotFound => new(LookupOutcome.NotFound, [], Messages.Text(IntegrationMessages.PortalDocumentsNone)),
            _ => new(LookupOutcome.Unavailable, [], Unavailable(system)),
        };
    }

    private static string Unavailable(NationalSystem system) => Messages.Text(IntegrationMessages.SystemUnavailable, system.Name);

    /// <summary>Status and body, or (0, null) when the system could not be reached after the retries.</summary>
    private async Task<(HttpStatusCode Status, T? Body)> CallAsync<T>(NationalSystem system, Func<HttpClient, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        try
        {
            using var response = await send(http.CreateClient(system.HttpClientName));
            var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<T>(ct) : default;
            return (response.StatusCode, body);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Retries exhausted, attempt or total timeout, open circuit, connection refused.
            logger.LogWarning(e, "{System} unavailable", system.Key);
            return (0, default);
        }
    }
}

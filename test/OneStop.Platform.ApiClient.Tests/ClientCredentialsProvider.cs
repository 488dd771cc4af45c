using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OneStop.Platform.ApiClient.Tests;

/// <summary>
/// What a partner writes beside the generated client: a token from the contract's client-credentials flow
/// (<c>/connect/token</c>), kept until shortly before it expires, put on every request as a bearer token.
/// </summary>
public sealed class ClientCredentialsProvider(HttpClient http, string clientId, string clientSecret) : IAuthenticationProvider
{
    private string? _token;
    private DateTimeOffset _expires;

    public int TokensIssued { get; private set; }

    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (_token is null || DateTimeOffset.UtcNow > _expires)
        {
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret,
            }), cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            _token = body.GetProperty("access_token").GetString();
            _expires = DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32() - 60);
            TokensIssued++;
        }

        request.Headers.Add("Authorization", "Bearer " + _token);
    }
}

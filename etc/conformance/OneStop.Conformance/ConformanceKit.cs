using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OneStop.Conformance;

/// <summary>
/// Runs the checks against one deployment with one client's credentials. Everything it needs to know about the API it
/// reads from the deployment's own contract (<c>/openapi/v1.json</c>): the token address, which operation needs which
/// scope, which lists page, which creates take an Idempotency-Key, the webhooks' signature test vector.
/// </summary>
public sealed partial class ConformanceKit(HttpClient http, ConformanceOptions options)
{
    private const string ContractArea = "1. Hợp đồng — contract";
    private const string AuthArea = "2. Xác thực — authentication";
    private const string ScopeArea = "3. Phạm vi — scopes";
    private const string PagingArea = "4. Phân trang — pagination";
    private const string IdempotencyArea = "5. Chống tạo trùng — idempotency keys";
    private const string ErrorArea = "6. Định dạng lỗi — error format";
    private const string RateArea = "8. Giới hạn tần suất — rate limit";
    private const string WebhookArea = "7. Chữ ký sự kiện — webhook signatures";

    private readonly ConformanceReport _report = new();
    private JsonNode? _contract;
    private string _tokenUrl = "/connect/token";
    private string? _token;
    private HashSet<string> _granted = [];

    public async Task<ConformanceReport> RunAsync(CancellationToken ct = default)
    {
        await StepAsync(ContractArea, ContractAsync);
        await StepAsync(AuthArea, AuthenticationAsync);
        if (_token is null || _contract is null)
        {
            return _report;
        }

        await StepAsync(ScopeArea, ScopesAsync);
        await StepAsync(PagingArea, PaginationAsync);
        await StepAsync(IdempotencyArea, IdempotencyAsync);
        await StepAsync(ErrorArea, ErrorsAsync);
        await StepAsync(WebhookArea, WebhooksAsync);
        await StepAsync(RateArea, RateLimitAsync); // last: it may use up the client's minute
        return _report;
    }

    private async Task StepAsync(string area, Func<string, Task> step)
    {
        try
        {
            await step(area);
        }
        catch (Exception e)
        {
            Fail(area, "unexpected", $"{e.GetType().Name}: {e.Message}");
        }
    }

    private void Pass(string area, string check, string detail = "") => _report.Add(new(area, check, CheckOutcome.Passed, detail));
    private void Fail(string area, string check, string detail) => _report.Add(new(area, check, CheckOutcome.Failed, detail));
    private void Skip(string area, string check, string detail) => _report.Add(new(area, check, CheckOutcome.Skipped, detail));

    private void Expect(bool condition, string area, string check, string passed, string failed)
    {
        if (condition)
        {
            Pass(area, check, passed);
        }
        else
        {
            Fail(area, check, failed);
        }
    }

    // ---- 1. contract ----
    private async Task ContractAsync(string area)
    {
        using var response = await http.GetAsync("/openapi/v1.json");
        if (!response.IsSuccessStatusCode)
        {
            Fail(area, "GET /openapi/v1.json", $"HTTP {(int)response.StatusCode}");
            return;
        }

        _contract = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var version = _contract?["openapi"]?.GetValue<string>() ?? "";
        var operations = Operations().Count();
        Expect(version.StartsWith("3.", StringComparison.Ordinal) && operations > 0, area, "GET /openapi/v1.json", $"OpenAPI {version}, {operations} operations",
            $"not an OpenAPI 3 document (openapi: '{version}')");
        var flow = _contract?["components"]?["securitySchemes"]?.AsObject().Select(s => s.Value?["flows"]?["clientCredentials"]).FirstOrDefault(f => f is not null);
        if (flow?["tokenUrl"]?.GetValue<string>() is { } tokenUrl)
        {
            _tokenUrl = tokenUrl;
            Pass(area, "OAuth2 client-credentials scheme", $"token at {tokenUrl}, {flow["scopes"]?.AsObject().Count ?? 0} scopes");
        }
        else
        {
            Fail(area, "OAuth2 client-credentials scheme", "no securityScheme with a clientCredentials flow; assuming /connect/token");
        }

        var undocumented = Operations().Count(o => string.IsNullOrWhiteSpace(o.Op["operationId"]?.GetValue<string>()) || string.IsNullOrWhiteSpace(o.Op["description"]?.GetValue<string>()));
        Expect(undocumented == 0, area, "every operation has an operationId and a description", "", $"{undocumented} operations without");
    }

    // ---- 2. authentication ----
    private async Task AuthenticationAsync(string area)
    {
        using (var response = await TokenResponseAsync(options.ClientSecret, null))
        {
            var body = await JsonAsync(response);
            _token = body?["access_token"]?.GetValue<string>();
            var type = body?["token_type"]?.GetValue<string>();
            var expires = body?["expires_in"]?.GetValue<int>() ?? 0;
            Expect(response.StatusCode == HttpStatusCode.OK && _token is not null && string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase) && expires > 0,
                area, "token with the client's credentials", $"Bearer token, expires in {expires} s", $"HTTP {(int)response.StatusCode}: {body}");
        }

        using (var response = await TokenResponseAsync(options.ClientSecret + "-wrong", null))
        {
            var error = (await JsonAsync(response))?["error"]?.GetValue<string>();
            Expect(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized && error == "invalid_client",
                area, "a wrong secret is refused", $"HTTP {(int)response.StatusCode} invalid_client", $"HTTP {(int)response.StatusCode} error={error}");
        }

        using (var response = await http.GetAsync("/api/v1/me"))
        {
            await ExpectProblemAsync(area, "a call without a token is 401 ProblemDetails", response, HttpStatusCode.Unauthorized, "Platform.Unauthenticated");
        }

        if (_token is null)
        {
            return;
        }

        using (var response = await SendAsync(HttpMethod.Get, "/api/v1/me"))
        {
            var me = await JsonAsync(response);
            _granted = me?["permissions"]?.AsArray().Select(p => p!.GetValue<string>()).ToHashSet() ?? [];
            Expect(response.StatusCode == HttpStatusCode.OK, area, "GET /api/v1/me with the token",
                $"acting for {me?["unitName"]}, scopes: {string.Join(", ", _granted)}", $"HTTP {(int)response.StatusCode}");
        }
    }

    // ---- 3. scopes ----
    private async Task ScopesAsync(string area)
    {
        var notGranted = _contract?["components"]?["securitySchemes"]?.AsObject().Select(s => s.Value?["flows"]?["clientCredentials"]?["scopes"]?.AsObject())
            .FirstOrDefault(s => s is not null)?.Select(s => s.Key).FirstOrDefault(s => !_granted.Contains(s));
        if (notGranted is null)
        {
            Skip(area, "a scope the client was not granted is refused at /connect/token", "the client holds every scope");
        }
        else
        {
            using var response = await TokenResponseAsync(options.ClientSecret, notGranted);
            var error = (await JsonAsync(response))?["error"]?.GetValue<string>();
            Expect(response.StatusCode == HttpStatusCode.BadRequest && error is "invalid_scope" or "invalid_request", area,
                $"a scope the client was not granted ({notGranted}) is refused at /connect/token", $"400 {error}", $"HTTP {(int)response.StatusCode} error={error}");
        }

        using (var response = await TokenResponseAsync(options.ClientSecret, string.Join(' ', _granted.Take(1))))
        {
            var granted = (await JsonAsync(response))?["scope"]?.GetValue<string>();
            Expect(response.StatusCode == HttpStatusCode.OK, area, "a token can be asked for fewer scopes", string.IsNullOrEmpty(granted) ? "token issued" : $"scope: {granted}", $"HTTP {(int)response.StatusCode}");
        }

        var simple = Operations().Where(o => o.Method == "get" && !o.Path.Contains('{') && !HasRequiredParameters(o.Op) && ScopesOf(o.Op).Count > 0).ToList();
        var allowed = simple.FirstOrDefault(o => ScopesOf(o.Op).All(_granted.Contains));
        if (allowed.Op is null)
        {
            Skip(area, "a granted scope opens its operation", "no parameterless GET needs only the client's scopes");
        }
        else
        {
            using var response = await SendAsync(HttpMethod.Get, allowed.Path);
            Expect(response.StatusCode == HttpStatusCode.OK, area, "a granted scope opens its operation", $"GET {allowed.Path} → 200", $"GET {allowed.Path} → HTTP {(int)response.StatusCode}");
        }

        var forbidden = simple.FirstOrDefault(o => !ScopesOf(o.Op).Any(_granted.Contains));
        if (forbidden.Op is null)
        {
            Skip(area, "an operation outside the client's scopes is 403", "the client holds every scope");
        }
        else
        {
            using var response = await SendAsync(HttpMethod.Get, forbidden.Path);
            await ExpectProblemAsync(area, $"an operation outside the client's scopes is 403 (GET {forbidden.Path}, needs {string.Join(", ", ScopesOf(forbidden.Op))})",
                response, HttpStatusCode.Forbidden, "Platform.Forbidden");
        }
    }

    // ---- 4. pagination ----
    private async Task PaginationAsync(string area)
    {
        var pageable = Operations().Where(o => o.Method == "get" && !o.Path.Contains('{') && !HasRequiredParameters(o.Op)
                && Parameters(o.Op).Contains("cursor") && Parameters(o.Op).Contains("pageSize") && ScopesOf(o.Op).All(_granted.Contains))
            .OrderBy(o => o.Path == "/api/v1/platform/units" ? 0 : 1).ToList();
        if (pageable.Count == 0)
        {
            Skip(area, "keyset pages", "no list with cursor and pageSize within the client's scopes");
            return;
        }

        var path = pageable[0].Path;
        var seen = new HashSet<string>();
        var duplicates = 0;
        var pages = 0;
        var oversized = 0;
        string? cursor = null;
        do
        {
            using var response = await SendAsync(HttpMethod.Get, $"{path}?pageSize={options.PageSize}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            var page = await JsonAsync(response);
            if (response.StatusCode != HttpStatusCode.OK || page?["items"] is not JsonArray items)
            {
                Fail(area, $"keyset pages of GET {path}", $"page {pages + 1}: HTTP {(int)response.StatusCode}, no items array");
                return;
            }

            pages++;
            oversized += items.Count > options.PageSize ? 1 : 0;
            foreach (var item in items)
            {
                var key = item?["id"]?.ToJsonString() ?? item?["code"]?.ToJsonString() ?? item?.ToJsonString() ?? "null";
                duplicates += seen.Add(key) ? 0 : 1;
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null && pages < options.MaxPages);

        Expect(duplicates == 0 && oversized == 0, area, $"keyset pages of GET {path}",
            $"{pages} pages of at most {options.PageSize}, {seen.Count} items, none twice{(cursor is null ? ", last page has no nextCursor" : $", stopped after {options.MaxPages} pages")}",
            $"{duplicates} items seen twice, {oversized} pages larger than pageSize");

        using (var response = await SendAsync(HttpMethod.Get, $"{path}?cursor=khong-hop-le!"))
        {
            await ExpectProblemAsync(area, "a tampered cursor is 400 Platform.InvalidCursor", response, HttpStatusCode.BadRequest, "Platform.InvalidCursor");
        }
    }

    // ---- 5. idempotency ----
    private async Task IdempotencyAsync(string area)
    {
        const string path = "/api/v1/integration/webhooks";
        var create = Operations().FirstOrDefault(o => o.Method == "post" && o.Path == path);
        if (create.Op is null || !Parameters(create.Op).Contains("Idempotency-Key"))
        {
            Skip(area, "Idempotency-Key on a create", "the contract has no POST /api/v1/integration/webhooks with an Idempotency-Key");
            return;
        }

        if (!ScopesOf(create.Op).All(_granted.Contains))
        {
            Skip(area, "Idempotency-Key on a create", $"the client lacks {string.Join(", ", ScopesOf(create.Op))} (the kit creates and deletes a webhook subscription)");
            return;
        }

        var key = "conformance-" + Guid.NewGuid().ToString("N");
        var body = new JsonObject { ["name"] = "Conformance kit " + key[^8..], ["url"] = "https://partner.example/onestop-hooks", ["events"] = new JsonArray("dossier.status-changed") };
        using var first = await SendAsync(HttpMethod.Post, path, body, key);
        var created = await JsonAsync(first);
        var id = created?["subscription"]?["id"]?.GetValue<string>();
        Expect(first.StatusCode == HttpStatusCode.Created && id is not null, area, "first request creates", $"201, subscription {id}", $"HTTP {(int)first.StatusCode}: {created}");
        if (id is null)
        {
            return;
        }

        try
        {
            var secret = created?["secret"]?.GetValue<string>() ?? "";
            Expect(SecretPattern().IsMatch(secret), area, "the signing secret is returned once, at creation", "64 hex characters", $"secret '{secret}'");

            using var again = await SendAsync(HttpMethod.Post, path, body, key);
            var replayed = await JsonAsync(again);
            Expect(again.StatusCode == HttpStatusCode.Created && replayed?["subscription"]?["id"]?.GetValue<string>() == id
                    && again.Headers.TryGetValues("Idempotent-Replayed", out var flag) && flag.Contains("true"),
                area, "the same key and body get the first response again", "same id, Idempotent-Replayed: true", $"HTTP {(int)again.StatusCode}: {replayed}");

            body["name"] = "Conformance kit, another body";
            using var reused = await SendAsync(HttpMethod.Post, path, body, key);
            await ExpectProblemAsync(area, "the same key with another body is 422", reused, HttpStatusCode.UnprocessableEntity, "Platform.IdempotencyKeyReused");
        }
        finally
        {
            using var deleted = await SendAsync(HttpMethod.Delete, $"{path}/{id}");
            Expect(deleted.StatusCode == HttpStatusCode.NoContent, area, "clean-up: the subscription is deleted", "", $"DELETE → HTTP {(int)deleted.StatusCode}");
        }
    }

    // ---- 6. errors ----
    private async Task ErrorsAsync(string area)
    {
        using (var response = await SendAsync(HttpMethod.Get, "/api/v1/conformance-no-such-route"))
        {
            await ExpectProblemAsync(area, "an unknown address is 404 ProblemDetails", response, HttpStatusCode.NotFound, null);
        }

        var pageable = Operations().FirstOrDefault(o => o.Method == "get" && !o.Path.Contains('{') && Parameters(o.Op).Contains("pageSize") && ScopesOf(o.Op).All(_granted.Contains));
        if (pageable.Op is null)
        {
            Skip(area, "bad input is 400 ProblemDetails in the reader's language", "no list with pageSize within the client's scopes");
            return;
        }

        var url = $"{pageable.Path}?pageSize=-1&cursor=%00";
        using var vi = await SendAsync(HttpMethod.Get, url, language: "vi");
        var viTitle = await ExpectProblemAsync(area, $"bad input is 400 ProblemDetails (GET {url})", vi, HttpStatusCode.BadRequest, null);
        using var en = await SendAsync(HttpMethod.Get, url, language: "en");
        var enTitle = (await JsonAsync(en))?["title"]?.GetValue<string>();
        Expect(viTitle is not null && enTitle is not null && viTitle != enTitle, area, "the title follows Accept-Language (vi, en)",
            $"vi «{viTitle}», en «{enTitle}»", $"vi «{viTitle}», en «{enTitle}»");
    }

    // ---- 7. rate limit ----
    private async Task RateLimitAsync(string area)
    {
        using var first = await SendAsync(HttpMethod.Get, "/api/v1/me");
        using var second = await SendAsync(HttpMethod.Get, "/api/v1/me");
        var limit = IntHeader(first, "RateLimit-Limit");
        var remaining1 = IntHeader(first, "RateLimit-Remaining");
        var remaining2 = IntHeader(second, "RateLimit-Remaining");
        Expect(limit > 0 && remaining1 is >= 0 && remaining2 is >= 0 && remaining1 <= limit && (remaining2 < remaining1 || remaining2 == limit - 1),
            area, "RateLimit-Limit and RateLimit-Remaining on every answer", $"limit {limit}/min, remaining {remaining1} then {remaining2}",
            $"limit {limit?.ToString() ?? "missing"}, remaining {remaining1?.ToString() ?? "missing"} then {remaining2?.ToString() ?? "missing"}");

        if (!options.ExhaustRateLimit)
        {
            Skip(area, "past the limit: 429 with Retry-After", "not asked (--exhaust-rate-limit uses up the client's minute)");
            return;
        }

        for (var i = 0; i <= (limit ?? 1000) + 5; i++)
        {
            using var response = await SendAsync(HttpMethod.Get, "/api/v1/me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0;
                await ExpectProblemAsync(area, $"past the limit: 429 with Retry-After ({retryAfter:0} s) after {i + 3} calls", response, HttpStatusCode.TooManyRequests, "Platform.RateLimited");
                if (retryAfter <= 0)
                {
                    Fail(area, "Retry-After", "missing on the 429");
                }

                return;
            }
        }

        Fail(area, "past the limit: 429 with Retry-After", $"no 429 after {(limit ?? 1000) + 8} calls");
    }

    // ---- 8. webhooks ----
    private Task WebhooksAsync(string area)
    {
        var webhooks = _contract?["webhooks"]?.AsObject();
        if (webhooks is null || webhooks.Count == 0)
        {
            Fail(area, "webhooks described in the contract", "no OpenAPI 3.1 webhooks");
            return Task.CompletedTask;
        }

        var signed = webhooks.All(w => w.Value?["post"]?["parameters"]?.AsArray().Any(p => p?["name"]?.GetValue<string>() == "X-OneStop-Signature") == true);
        Expect(signed, area, "webhooks described in the contract", $"{string.Join(", ", webhooks.Select(w => w.Key))}, each with X-OneStop-Signature", "a webhook without the signature header");

        var description = webhooks.First().Value?["post"]?["description"]?.GetValue<string>() ?? "";
        var vector = VectorPattern().Match(description);
        if (!vector.Success)
        {
            Fail(area, "the published test vector", "no test vector in the webhook description");
            return Task.CompletedTask;
        }

        var (secret, timestamp, body, expected) = (vector.Groups[1].Value, vector.Groups[2].Value, vector.Groups[3].Value, vector.Groups[4].Value);
        Expect(WebhookSignature.Sign(secret, timestamp, body) == expected, area, "the kit's verifier reproduces the published test vector", expected[..19] + "…",
            $"computed {WebhookSignature.Sign(secret, timestamp, body)}, published {expected}");
        var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture));
        Expect(WebhookSignature.Verify(secret, timestamp, body, expected, at.AddMinutes(1))
                && !WebhookSignature.Verify(secret, timestamp, body + " ", expected, at)
                && !WebhookSignature.Verify(secret, timestamp, body, expected, at.AddMinutes(10))
                && !WebhookSignature.Verify(secret + "x", timestamp, body, expected, at),
            area, "verification refuses a changed body, another secret and an old timestamp", "", "the verifier accepted a forged delivery");
        return Task.CompletedTask;
    }

    // ---- helpers ----
    private IEnumerable<(string Path, string Method, JsonNode Op)> Operations() =>
        (_contract?["paths"]?.AsObject() ?? []).SelectMany(p => (p.Value?.AsObject() ?? []).Where(m => m.Value is not null).Select(m => (p.Key, m.Key, m.Value!)));

    private static List<string> ScopesOf(JsonNode op) =>
        op["security"]?.AsArray().SelectMany(r => r!.AsObject().SelectMany(s => s.Value!.AsArray().Select(v => v!.GetValue<string>()))).ToList() ?? [];

    private static HashSet<string> Parameters(JsonNode op) =>
        op["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToHashSet() ?? [];

    private static bool HasRequiredParameters(JsonNode op) =>
        op["parameters"]?.AsArray().Any(p => p!["required"]?.GetValue<bool>() == true && p["in"]?.GetValue<string>() != "header") == true
        || op["requestBody"]?["required"]?.GetValue<bool>() == true;

    private static int? IntHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), out var value) ? value : null;

    private async Task<HttpResponseMessage> TokenResponseAsync(string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = options.ClientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await http.PostAsync(_tokenUrl, new FormUrlEncodedContent(form));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? idempotencyKey = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await http.SendAsync(request);
    }

    private static async Task<JsonNode?> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Checks an RFC 9457 answer with a stable code; returns its title.</summary>
    private async Task<string?> ExpectProblemAsync(string area, string check, HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        var problem = await JsonAsync(response);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var actualCode = problem?["code"]?.GetValue<string>();
        var title = problem?["title"]?.GetValue<string>();
        Expect(response.StatusCode == status && mediaType == "application/problem+json" && actualCode is not null && (code is null || actualCode == code)
                && !string.IsNullOrWhiteSpace(title) && problem?["status"]?.GetValue<int>() == (int)status && problem?["traceId"] is not null,
            area, check, $"{(int)status} {actualCode}: «{title}»",
            $"HTTP {(int)response.StatusCode} {mediaType}, code {actualCode ?? "missing"} (expected {code ?? "any"}), title «{title}», body {problem?.ToJsonString()[..Math.Min(200, problem.ToJsonString().Length)]}");
        return title;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"secret `([^`]+)`,\s+timestamp `(\d+)`,\s+body `([^`]+)` → `(sha256=[0-9a-f]{64})`")]
    private static partial Regex VectorPattern();
}

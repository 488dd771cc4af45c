using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Integration.Contracts;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>Connectors through the real HTTP pipeline (resilience, exchange recorder) against the host's own simulators.</summary>
public sealed class NationalSystemsTests(NationalSystemsTests.Fixture fx) : IClassFixture<NationalSystemsTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        // Short delays so failure scenarios take seconds; the behaviour is the production pipeline's.
        public Fixture() => With("Integration:Resilience:RetryDelayMilliseconds", "10")
            .With("Integration:Resilience:MaxRetryAttempts", "6")
            .With("Integration:Resilience:BreakSeconds", "1")
            .With("Integration:Sandbox:population:LatencyMilliseconds", "2");
    }

    private const string KnownCitizen = "030090001234";

    [Fact]
    public async Task A_known_citizen_is_verified_and_identity_returned_for_prefill()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var response = await desk.PostAsJsonAsync("/api/v1/integration/citizens/verify",
            new { citizenId = KnownCitizen, fullName = "nguyen van an", dateOfBirth = "1990-05-12" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("outcome").GetString().ShouldBe("Found");
        body.GetProperty("citizen").GetProperty("fullName").GetString().ShouldBe("Nguyễn Văn An");
        body.GetProperty("citizen").GetProperty("permanentAddress").GetString()!.ShouldContain("Phường Cẩm Thượng");
    }

    [Fact]
    public async Task Wrong_birth_date_is_a_mismatch_unknown_number_not_found_bad_number_a_400()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var mismatch = await desk.PostAsJsonAsync("/api/v1/integration/citizens/verify", new { citizenId = KnownCitizen, fullName = "Nguyễn Văn An", dateOfBirth = "1991-05-12" });
        (await mismatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().ShouldBe("Mismatch");

        var unknown = await desk.PostAsJsonAsync("/api/v1/integration/citizens/verify", new { citizenId = "030090000000", fullName = "Ai Đó", dateOfBirth = "1990-01-01" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var invalid = await desk.PostAsJsonAsync("/api/v1/integration/citizens/verify", new { citizenId = "12345", fullName = "Ai Đó", dateOfBirth = "1990-01-01" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("CitizenId")[0].GetString()!.ShouldContain("12 chữ số");
    }

    [Fact]
    public async Task Enterprise_and_land_parcel_lookups_answer_from_their_registers()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var enterprise = await desk.GetFromJsonAsync<JsonElement>("/api/v1/integration/enterprises/0801234567");
        enterprise.GetProperty("enterprise").GetProperty("code").GetString().ShouldBe("0801234567");
        (await desk.GetAsync("/api/v1/integration/enterprises/0801234000")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var parcel = await desk.GetFromJsonAsync<JsonElement>("/api/v1/integration/land-parcels/CS123456");
        parcel.GetProperty("parcel").GetProperty("certificateNumber").GetString().ShouldBe("CS 123456");
    }

    [Fact]
    public async Task With_30_percent_of_requests_failing_every_lookup_still_succeeds_through_retries()
    {
        var admin = await fx.SignInAsync("admin");
        (await admin.PutAsJsonAsync("/api/v1/integration/sandbox/population", new { latencyMilliseconds = 2, errorRate = 0.3, downForSeconds = 0 }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var desk = await fx.SignInAsync("motcua.binhhan");
        try
        {
            for (var i = 0; i < 40; i++)
            {
                var r = await desk.PostAsJsonAsync("/api/v1/integration/citizens/verify", new { citizenId = KnownCitizen, fullName = "Nguyễn Văn An", dateOfBirth = "1990-05-12" });
                r.StatusCode.ShouldBe(HttpStatusCode.OK, $"lookup {i}");
            }
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/integration/sandbox/population", new { latencyMilliseconds = 2, errorRate = 0.0, downForSeconds = 0 });
        }

        // Each attempt is in the log: the failed ones too, with the acting officer and unit.
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/exchanges?system=population&pageSize=200");
        var attempts = log.GetProperty("items").EnumerateArray().ToList();
        attempts.Count(a => !a.GetProperty("succeeded").GetBoolean()).ShouldBeGreaterThan(0);
        attempts.ShouldContain(a => a.GetProperty("unitPath").GetString() == "/30/288/10510/");
    }

    [Fact]
    public async Task An_outage_gives_503_ProblemDetails_and_shows_on_the_board_then_recovers()
    {
        var admin = await fx.SignInAsync("admin");
        await admin.PutAsJsonAsync("/api/v1/integration/sandbox/land", new { latencyMilliseconds = 1, errorRate = 0.0, downForSeconds = 600 });
        var desk = await fx.SignInAsync("motcua.camthuong");

        var down = await desk.GetAsync("/api/v1/integration/land-parcels/CS654321");
        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problem = await down.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Integration.SystemUnavailable");
        problem.GetProperty("title").GetString()!.ShouldContain("Cơ sở dữ liệu quốc gia về đất đai");

        var board = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/connections");
        board.EnumerateArray().Single(c => c.GetProperty("system").GetString() == "land").GetProperty("state").GetString().ShouldBe("down");
        (await admin.GetStringAsync("/Integration")).ShouldContain("Gián đoạn");

        await admin.PutAsJsonAsync("/api/v1/integration/sandbox/land", new { latencyMilliseconds = 1, errorRate = 0.0, downForSeconds = 0 });
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the circuit breaker's break
        (await desk.GetAsync("/api/v1/integration/land-parcels/CS654321")).StatusCode.ShouldBe(HttpStatusCode.OK);
        board = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/connections");
        board.EnumerateArray().Single(c => c.GetProperty("system").GetString() == "land").GetProperty("state").GetString().ShouldNotBe("down");
    }

    [Fact]
    public async Task The_exchange_log_keeps_digests_not_personal_data_and_exports_for_inspection()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        await desk.PostAsJsonAsync("/api/v1/integration/citizens/verify", new { citizenId = "030185004567", fullName = "Trần Thị Bích Ngọc", dateOfBirth = "1985-11-03" });

        var inspector = await fx.SignInAsync("thanhtra.tinh");
        var csv = await inspector.GetStringAsync("/api/v1/integration/exchanges/export?system=population");
        csv.ShouldContain("Băm yêu cầu (SHA-256)");
        csv.ShouldContain("/sandbox/population/citizens/verify");
        csv.ShouldNotContain("030185004567");
        csv.ShouldNotContain("Bích Ngọc");
        csv.ShouldContain(",\"Phạm Thị Nhận\",");   // Người thực hiện: the officer by full name, not the login
        csv.ShouldNotContain("motcua.camthuong");

        (await desk.GetAsync("/api/v1/integration/exchanges")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await inspector.GetStringAsync("/Integration/Exchanges?system=population");
        page.ShouldContain("Nhật ký trao đổi dữ liệu");
        page.ShouldContain("<td title=\"motcua.camthuong\" data-testid=\"actor\">Phạm Thị Nhận</td>");
    }

    // Messages by code (ADR 0020): the API answers in the reader's language (Accept-Language), Vietnamese by default,
    // with the same stable codes whatever the language.
    private const string English = "en-US,en;q=0.9";

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? language = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task An_English_reader_gets_lookup_checks_and_answers_in_English_with_the_same_codes()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var invalid = await SendAsync(desk, HttpMethod.Post, "/api/v1/integration/citizens/verify", new { citizenId = "12345", fullName = " ", dateOfBirth = "2999-01-01" }, English);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        problem.GetProperty("title").GetString().ShouldBe("The data is not valid.");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("CitizenId")[0].GetString().ShouldBe("The personal identification number has 12 digits and starts with the code of the province where the birth was registered (001–096).");
        errors.GetProperty("FullName")[0].GetString().ShouldBe("The full name is required, at most 100 characters.");
        errors.GetProperty("DateOfBirth")[0].GetString().ShouldBe("The date of birth is required and cannot be after today.");

        // A bad number in the path is a thrown error: its code is stable (its English title waits for the kernel, below).
        var badPath = await SendAsync(desk, HttpMethod.Get, "/api/v1/integration/citizens/12345/portal-documents", language: English);
        badPath.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPath.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(IntegrationErrorCodes.InvalidCitizenId);

        // The answer's message for the officer follows the reader's language too; Vietnamese stays the default.
        var unknown = new { citizenId = "030090000000", fullName = "Ai Đó", dateOfBirth = "1990-01-01" };
        var english = await SendAsync(desk, HttpMethod.Post, "/api/v1/integration/citizens/verify", unknown, English);
        english.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString().ShouldBe("No citizen has this identification number.");
        var vietnamese = await SendAsync(desk, HttpMethod.Post, "/api/v1/integration/citizens/verify", unknown);
        (await vietnamese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString().ShouldBe("Không tìm thấy công dân có số định danh này.");
    }

    [Fact]
    public async Task Simulator_and_webhook_checks_fill_their_placeholders_in_both_languages()
    {
        var admin = await fx.SignInAsync("admin");
        var outOfRange = new { latencyMilliseconds = 70_000, errorRate = 2.0, downForSeconds = 0 };
        var english = await (await SendAsync(admin, HttpMethod.Put, "/api/v1/integration/sandbox/population", outOfRange, English)).Content.ReadFromJsonAsync<JsonElement>();
        english.GetProperty("errors").GetProperty("LatencyMilliseconds")[0].GetString().ShouldBe("The latency must be between 0 and 60000 milliseconds.");
        english.GetProperty("errors").GetProperty("ErrorRate")[0].GetString().ShouldBe("The error rate must be between 0 and 1.");
        var vietnamese = await (await SendAsync(admin, HttpMethod.Put, "/api/v1/integration/sandbox/population", outOfRange)).Content.ReadFromJsonAsync<JsonElement>();
        vietnamese.GetProperty("errors").GetProperty("LatencyMilliseconds")[0].GetString().ShouldBe("Độ trễ phải từ 0 đến 60000 mili giây.");

        var unknown = await SendAsync(admin, HttpMethod.Put, "/api/v1/integration/sandbox/nowhere", new { latencyMilliseconds = 1, errorRate = 0.0, downForSeconds = 0 }, English);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(IntegrationErrorCodes.UnknownSystem);
        problem.GetProperty("title").GetString().ShouldBe("There is no simulator 'nowhere'.");

        var webhook = await SendAsync(admin, HttpMethod.Post, "/api/v1/integration/webhooks", new { name = "", url = "ftp://example.org/hook", events = new[] { "nope" } }, English);
        webhook.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var webhookErrors = (await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        webhookErrors.GetProperty("Name")[0].GetString().ShouldBe("The subscription name is required, at most 200 characters.");
        webhookErrors.GetProperty("Url")[0].GetString().ShouldBe("The receiving address must be an absolute http(s) URL of at most 1000 characters.");
        webhookErrors.GetProperty("Events")[0].GetString().ShouldBe($"Choose at least one event among: {string.Join(", ", WebhookEventTypes.All)}.");
    }

    // The kernel's exception handler runs outside the request-localization middleware, so a thrown PlatformException
    // is still read in Vietnamese whatever Accept-Language says (reported with this module's conversion).
    [Fact]
    public async Task A_thrown_error_is_titled_in_English_for_an_English_reader()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var badPath = await SendAsync(desk, HttpMethod.Get, "/api/v1/integration/citizens/12345/portal-documents", language: English);
        var problem = await badPath.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(IntegrationErrorCodes.InvalidCitizenId);
        problem.GetProperty("title").GetString()!.ShouldStartWith("The personal identification number has 12 digits");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Digitization.Contracts;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;
using static OneStop.Digitization.Tests.TestFiles;

namespace OneStop.Digitization.Tests;

/// <summary>
/// Consent belongs to the citizen and to the unit that asked (ADR 0035, issue 19 item 3): ward A's refusal stands when
/// ward B is granted consent, ward B never sees ward A's documents while it does, and records are effective-dated with
/// their history kept. The same cases on PostgreSQL and on the embedded SQLite.
/// </summary>
public abstract class ConsentPerUnitTests<TFactory>(TFactory fx) where TFactory : OneStopFactory
{
    private const string WardA = "motcua.camthuong"; // Cẩm Thượng (10507)
    private const string WardB = "motcua.binhhan";   // Bình Hàn (10510), a sibling ward

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private Task<T> AsDeskOfficerAsync<T>(string unitCode, Func<IDigitizationApi, Task<T>> action) =>
        UnitAsync(fx, unitCode).ContinueWith(async u => await fx.InScopeAsync(new UnitScope(u.Result.Id, u.Result.Path, u.Result.Name),
            sp => action(sp.GetRequiredService<IDigitizationApi>()))).Unwrap();

    private static async Task<HttpResponseMessage> ConsentAsync(HttpClient client, string citizen, bool granted, string purpose, DateOnly? from = null)
    {
        var response = await client.PostAsJsonAsync($"{Api}/applicants/{citizen}/consents", new { granted, purpose, effectiveFrom = from });
        return response;
    }

    private static async Task<List<JsonElement>> DocumentsAsync(HttpClient client, string citizen) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{citizen}/documents")).EnumerateArray().ToList();

    [Fact]
    public async Task Ward_As_refusal_stands_when_ward_B_is_granted_and_ward_B_never_sees_ward_As_documents()
    {
        var citizen = "0300" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var wardA = await fx.SignInAsync(WardA);
        var wardB = await fx.SignInAsync(WardB);
        var ofA = (await UploadAsync(wardA, Pdf("Giấy xác nhận tình trạng hôn nhân"), "xn.pdf", FreeUpload(citizen, "XNHN"))).GetProperty("id").GetGuid();
        var ofB = (await UploadAsync(wardB, Pdf("Giấy khai sinh"), "ks.pdf", FreeUpload(citizen, "GKS"))).GetProperty("id").GetGuid();

        (await ConsentAsync(wardA, citizen, false, "Không đồng ý chia sẻ")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var granted = await ConsentAsync(wardB, citizen, true, "Đồng ý tái sử dụng tại phường Bình Hàn");
        granted.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unitPath").GetString().ShouldBe("/30/288/10510/");

        // Ward B: its own document only; ward A's is absent from the list, the reuse offer and a look-up by id.
        var seenByB = await DocumentsAsync(wardB, citizen);
        seenByB.Select(d => d.GetProperty("id").GetGuid()).ShouldBe([ofB]);
        (await wardB.GetStringAsync($"{Api}/applicants/{citizen}/documents")).ShouldNotContain("tình trạng hôn nhân");
        (await AsDeskOfficerAsync("10510", api => api.FindReusableDocumentsAsync(citizen, ["XNHN", "GKS"], Today))).Select(d => d.DocumentId).ShouldBe([ofB]);
        (await AsDeskOfficerAsync("10510", api => api.FindReusableDocumentAsync(citizen, ofA, Today))).ShouldBeNull();
        (await wardB.GetStringAsync($"/Digitization/DataStore?identity={citizen}")).ShouldNotContain("XNHN");

        // Ward A's refusal stands: its record in force is still the refusal, and without a grant of its own it sees only its document.
        (await DocumentsAsync(wardA, citizen)).Select(d => d.GetProperty("id").GetGuid()).ShouldBe([ofA]);
        var consentsOfA = (await wardA.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{citizen}/consents")).EnumerateArray().ToList();
        consentsOfA.ShouldHaveSingleItem().GetProperty("granted").GetBoolean().ShouldBeFalse();
        (await wardA.GetStringAsync($"/Digitization/DataStore?identity={citizen}")).ShouldContain("data-testid=\"consent-state\">Người nộp đã từ chối");
        (await wardB.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{citizen}/consents")).EnumerateArray()
            .ShouldAllBe(c => c.GetProperty("unitPath").GetString() == "/30/288/10510/");

        // Ward A's own later grant (the latest record for the pair wins; history kept) opens its documents to ward B.
        (await ConsentAsync(wardA, citizen, true, "Đồng ý chia sẻ")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await DocumentsAsync(wardB, citizen)).Select(d => d.GetProperty("id").GetGuid()).ShouldBe([ofA, ofB], ignoreOrder: true);
        (await DocumentsAsync(wardA, citizen)).Select(d => d.GetProperty("id").GetGuid()).ShouldBe([ofA, ofB], ignoreOrder: true);
        (await wardA.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{citizen}/consents")).GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_consent_dated_ahead_takes_effect_on_its_day_and_a_date_in_the_past_is_refused()
    {
        var citizen = "0300" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var wardA = await fx.SignInAsync(WardA);
        var wardB = await fx.SignInAsync(WardB);
        var ofA = (await UploadAsync(wardA, Pdf("Giấy xác nhận tình trạng hôn nhân"), "xn.pdf", FreeUpload(citizen, "XNHN"))).GetProperty("id").GetGuid();
        (await ConsentAsync(wardB, citizen, true, "Đồng ý")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await DocumentsAsync(wardB, citizen)).Select(d => d.GetProperty("id").GetGuid()).ShouldBe([ofA]);

        var past = await ConsentAsync(wardB, citizen, false, "Rút đồng ý", Today.AddDays(-2));
        past.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(DigitizationErrorCodes.ConsentDateOutOfRange);
        (await ConsentAsync(wardB, citizen, true, "Quá xa", Today.AddDays(400))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        (await ConsentAsync(wardB, citizen, false, "Rút đồng ý từ tuần sau", Today.AddDays(7))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await DocumentsAsync(wardB, citizen)).Count.ShouldBe(1, "the withdrawal is not in force yet");
        fx.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            // A week on, the session has expired: sign in again.
            (await DocumentsAsync(await fx.SignInAsync(WardB), citizen)).ShouldBeEmpty("the withdrawal is in force from its day");
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}

public sealed class PostgreSqlConsentPerUnitTests(OneStopFactory fx) : ConsentPerUnitTests<OneStopFactory>(fx), IClassFixture<OneStopFactory>;

public sealed class SqliteConsentPerUnitTests(SqliteOneStopFactory fx) : ConsentPerUnitTests<SqliteOneStopFactory>(fx), IClassFixture<SqliteOneStopFactory>;

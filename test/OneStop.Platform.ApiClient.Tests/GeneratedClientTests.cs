using Microsoft.Kiota.Http.HttpClientLibrary;
using OneStop.ApiClient;
using OneStop.ApiClient.Models;
using OneStop.Counters.Contracts;
using OneStop.Platform.Identity;
using OneStop.Platform.Permissions;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.ApiClient.Tests;

/// <summary>
/// The C# client Kiota generates from the committed contract works against the real host: it gets a token, receives a
/// dossier at a ward's desk, pages through a list and reads a ProblemDetails error as a typed exception (ADR 0038).
/// </summary>
public sealed class GeneratedClientTests(GeneratedClientTests.Fixture fx) : IClassFixture<GeneratedClientTests.Fixture>
{
    private const string ClientId = "phan-mem-mot-cua-camthuong";
    private const string ClientSecret = "generated-client-secret-2026";

    public sealed class Fixture : OneStopFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // A third party's desk software at Phường Cẩm Thượng (10507): receives and reads dossiers, reads units.
            await AsSystemAsync(async services =>
            {
                await ApiClientRegistrar.RegisterAsync(services, ClientId, ClientSecret, "Phần mềm một cửa (thử nghiệm)", "10507",
                    [CountersPermissions.DossiersReceive, CountersPermissions.DossiersRead, PlatformPermissions.UnitsRead]);
                return true;
            });
        }
    }

    private (OneStopApiClient Client, ClientCredentialsProvider Auth) Client()
    {
        var http = fx.CreateClient();
        var auth = new ClientCredentialsProvider(http, ClientId, ClientSecret);
        var adapter = new HttpClientRequestAdapter(auth, httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') };
        return (new OneStopApiClient(adapter), auth);
    }

    [Fact]
    public async Task The_generated_client_receives_a_dossier_pages_a_list_and_reads_a_ProblemDetails_error()
    {
        var (api, auth) = Client();

        var dossier = await api.Api.V1.Counters.Dossiers.PostAsync(new IntakeRequest
        {
            ProcedureCode = "1.001193",
            Applicant = new IntakeApplicant { Kind = "CITIZEN", Identity = "030090001234", Name = "Nguyễn Văn An" },
            Components = [new IntakeComponent { DocumentTypeCode = "HT-TK-KS" }, new IntakeComponent { DocumentTypeCode = "YT-GCS" }, new IntakeComponent { DocumentTypeCode = "CD-CCCD" }],
        });
        dossier.ShouldNotBeNull();
        dossier.Code.ShouldNotBeNullOrWhiteSpace();
        auth.TokensIssued.ShouldBe(1);

        var read = await api.Api.V1.Counters.Dossiers[dossier.Id!.Value].GetAsync();
        read!.Code.ShouldBe(dossier.Code);
        read.ProcedureCode.ShouldBe("1.001193");

        // Keyset pages: the ward sees itself only; the province-wide client of the demo would see 248 units.
        var codes = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.Api.V1.Platform.Units.GetAsync(r => { r.QueryParameters.PageSize = 1; r.QueryParameters.Cursor = cursor; r.QueryParameters.All = true; });
            page!.Items!.Count.ShouldBeLessThanOrEqualTo(1);
            codes.AddRange(page.Items.Select(u => u.Code!));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 20);
        codes.ShouldContain("10507");
        codes.Distinct().Count().ShouldBe(codes.Count);

        var missing = await Should.ThrowAsync<ProblemDetails>(() => api.Api.V1.Counters.Dossiers[Guid.NewGuid()].GetAsync());
        missing.ResponseStatusCode.ShouldBe(404);
        missing.Code.ShouldNotBeNullOrWhiteSpace();
        missing.Title.ShouldNotBeNullOrWhiteSpace();

        var badCursor = await Should.ThrowAsync<ProblemDetails>(() => api.Api.V1.Platform.Units.GetAsync(r => r.QueryParameters.Cursor = "khong-hop-le!"));
        badCursor.ResponseStatusCode.ShouldBe(400);
        badCursor.Code.ShouldBe("Platform.InvalidCursor");
        auth.TokensIssued.ShouldBe(1);
    }
}

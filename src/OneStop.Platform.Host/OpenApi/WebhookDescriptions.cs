using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OneStop.Platform.Host.OpenApi;

/// <summary>
/// The events a subscriber receives (<c>POST /api/v1/integration/webhooks</c>), as OpenAPI 3.1 <c>webhooks</c>: the
/// envelope, each event's data, and the HMAC-SHA256 signature the subscriber checks. Mirrors Integration's
/// WebhookEventTypes and Webhooks.Sign; the conformance kit checks the scheme against a published test vector.
/// </summary>
internal static class WebhookDescriptions
{
    public const string SignatureHeader = "X-OneStop-Signature";
    public const string TimestampHeader = "X-OneStop-Timestamp";
    public const string EventHeader = "X-OneStop-Event";

    private const string SignatureText = """
        Chữ ký — signature: `X-OneStop-Signature: sha256=<hex>` where hex = lower-case HMAC-SHA256(key = the subscription's secret
        (UTF-8, returned once at creation), message = `{X-OneStop-Timestamp}.{raw body}`). The timestamp is Unix seconds.
        Bên nhận kiểm tra chữ ký trên nội dung thô (chưa phân tích), so sánh thời gian cố định, từ chối thời điểm lệch quá 5 phút,
        và bỏ qua thông điệp trùng `Idempotency-Key` (mỗi thông điệp được gửi lại đến khi nhận 2xx).
        The receiver verifies over the raw body with a constant-time comparison, refuses timestamps more than 5 minutes off,
        and ignores a repeated `Idempotency-Key` (a delivery is retried until it gets a 2xx). Test vector: secret `s3cr3t`,
        timestamp `1767225600`, body `{"type":"dossier.status-changed"}` → `sha256=543fa986459a1a61fc31b38e5b87c575be1483a27f6834e3e056919cf2a28838`.
        """;

    public static void AddTo(OpenApiDocument document)
    {
        document.Webhooks = new Dictionary<string, IOpenApiPathItem>
        {
            ["dossier.status-changed"] = Event("dossier.status-changed", "webhookDossierStatusChanged",
                "Hồ sơ chuyển trạng thái", "A dossier changed status",
                new Dictionary<string, IOpenApiSchema>
                {
                    ["dossierCode"] = Str(), ["status"] = Str(), ["transition"] = Str(), ["procedureCode"] = Str(), ["channel"] = Str(),
                    ["receivedAt"] = Time(true), ["dueAt"] = Time(true), ["resolvedAt"] = Time(true), ["returnedAt"] = Time(true),
                    ["occurredAt"] = Time(false), ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                },
                new JsonObject
                {
                    ["dossierCode"] = "000.00.30.H23-260115-0001", ["status"] = "InProgress", ["transition"] = "Assign", ["procedureCode"] = "1.001234",
                    ["channel"] = "Desk", ["receivedAt"] = "2026-01-15T01:00:00Z", ["dueAt"] = "2026-01-22T10:00:00Z",
                    ["resolvedAt"] = null, ["returnedAt"] = null, ["occurredAt"] = "2026-01-15T02:12:00Z", ["reason"] = null,
                }),
            ["dossier.result-ready"] = Event("dossier.result-ready", "webhookDossierResultReady",
                "Hồ sơ đã có kết quả", "A dossier's result is ready",
                new Dictionary<string, IOpenApiSchema>
                {
                    ["dossierCode"] = Str(), ["procedureCode"] = Str(), ["resolvedAt"] = Time(true),
                    ["returnMethod"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                },
                new JsonObject
                {
                    ["dossierCode"] = "000.00.30.H23-260115-0001", ["procedureCode"] = "1.001234", ["resolvedAt"] = "2026-01-20T08:30:00Z",
                    ["returnMethod"] = "Desk",
                }),
        };
    }

    private static OpenApiSchema Str() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema Time(bool nullable) =>
        new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Format = "date-time" };

    private static OpenApiPathItem Event(string type, string operationId, string vi, string en, Dictionary<string, IOpenApiSchema> data, JsonObject example)
    {
        var body = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "type", "occurredAt", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = type },
                ["occurredAt"] = Time(false),
                ["data"] = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = data },
            },
        };
        static OpenApiParameter Header(string name, string description) =>
            new() { Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Post] = new()
                {
                    OperationId = operationId,
                    Summary = $"{vi} — {en}",
                    Description = $"{vi} (sự kiện `{type}`). {en} (event `{type}`).\n\n{SignatureText}",
                    Tags = null,
                    Parameters =
                    [
                        Header(SignatureHeader, "sha256=<hex HMAC-SHA256(secret, \"{timestamp}.{body}\")>"),
                        Header(TimestampHeader, "Thời điểm ký, giây Unix — signing time, Unix seconds"),
                        Header(EventHeader, "Loại sự kiện — event type"),
                        Header("Idempotency-Key", "Khóa của thông điệp; gửi lại giữ nguyên — the message's key, the same on every retry"),
                    ],
                    RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new()
                            {
                                Schema = body,
                                Example = new JsonObject { ["type"] = type, ["occurredAt"] = "2026-01-15T02:12:00Z", ["data"] = example },
                            },
                        },
                    },
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse { Description = "Đã nhận — received (any 2xx); otherwise retried with backoff, then switched off after repeated failures" },
                    },
                },
            },
        };
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneStop.Integration.Connectors;

namespace OneStop.Integration.Simulators;

/// <summary>
/// Cổng Dịch vụ công quốc gia, as far as status sync goes: it applies each status once per Idempotency-Key and answers
/// a repeated key with 200 without applying it again. When it "fails", half the time it fails before applying and half
/// the time after (the response is lost) — so a sender that does not send the key would double-apply.
/// </summary>
internal sealed class PortalSimulator
{
    private readonly ConcurrentDictionary<string, int> _seen = new();
    private readonly ConcurrentQueue<(string Dossier, string Status, string Key)> _applied = new();
    private readonly Random _random = new(766);

    public IReadOnlyCollection<(string Dossier, string Status, string Key)> Applied => _applied.ToArray();
    public int Requests => _seen.Values.Sum();

    private readonly List<Features.PortalSubmissions.PortalSubmission> _submissions = [];
    private readonly ConcurrentDictionary<string, byte[]> _files = new();

    /// <summary>A file a citizen attached to a component on the portal.</summary>
    public sealed record AttachedFile(string ComponentCode, string FileName, string ContentType, byte[] Content);

    /// <summary>
    /// A citizen submits online on the portal (tests and the sandbox page call this), paying <paramref name="paidVnd"/>
    /// on the portal's payment platform when given; <paramref name="submittedAt"/> plays a submission of another day.
    /// </summary>
    public Features.PortalSubmissions.PortalSubmission Submit(
        string unitCode, string procedureCode, string identity, string name, string[] components, long? paidVnd = null, DateTimeOffset? submittedAt = null,
        System.Text.Json.Nodes.JsonObject? formData = null, IReadOnlyList<AttachedFile>? files = null)
    {
        lock (_submissions)
        {
            // The portal keeps the files and lists where to fetch each, with its SHA-256 (ADR 0051).
            var links = (files ?? []).Select(f =>
            {
                var id = Guid.NewGuid().ToString("N");
                _files[id] = f.Content;
                return new Features.PortalSubmissions.PortalFileLink(f.ComponentCode, f.FileName, f.ContentType, $"files/{id}",
                    Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Content)), f.Content.Length);
            }).ToArray();
            var seq = _submissions.Count + 1;
            var now = submittedAt ?? DateTimeOffset.UtcNow;
            var payment = paidVnd > 0 ? new Contracts.PortalPayment(paidVnd.Value, $"PAYGOV{now:yyMMddHHmmss}{seq:D6}", now) : null;
            var submission = new Features.PortalSubmissions.PortalSubmission(seq, $"G22.{DateTime.UtcNow:yyMMdd}.{seq:D6}.{Guid.NewGuid().ToString()[..4]}",
                unitCode, procedureCode, "CITIZEN", identity, name, null, null, null, null, components, now, payment,
                formData, links.Length == 0 ? null : links);
            _submissions.Add(submission);
            return submission;
        }
    }

    private readonly List<Features.PortalRatings.PortalRating> _ratings = [];

    /// <summary>A citizen rates a dossier on the portal (tests and the sandbox call this): nine criteria (2, 1, 0) and an overall verdict.</summary>
    public Features.PortalRatings.PortalRating Rate(string dossierCode, string identity, int[] scores, string overall, string? comment = null)
    {
        lock (_ratings)
        {
            var rating = new Features.PortalRatings.PortalRating(_ratings.Count + 1, $"DG.{Guid.NewGuid():N}"[..24], dossierCode, identity, scores, overall, comment, DateTimeOffset.UtcNow);
            _ratings.Add(rating);
            return rating;
        }
    }

    public void Reset()
    {
        _seen.Clear();
        _applied.Clear();
        _results.Clear();
        _supplements.Clear();
        FailingDossiers.Clear();
    }

    /// <summary>What <see cref="Applied"/> records for a supplement request and for an electronic result.</summary>
    public const string SupplementRequested = "SUPPLEMENT_REQUEST", ElectronicResult = "ELECTRONIC_RESULT";

    private readonly ConcurrentDictionary<string, byte[]> _results = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _supplements = new();

    /// <summary>The components asked by the last supplement request received, by dossier code (empty when it named none).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SupplementRequests => _supplements;

    /// <summary>Dossiers whose messages the portal refuses with 503 until removed (a test plays one dossier's record being locked).</summary>
    public ConcurrentDictionary<string, bool> FailingDossiers { get; } = new();

    /// <summary>The electronic results received, by dossier code (the signed PDFs as sent).</summary>
    public IReadOnlyDictionary<string, byte[]> ElectronicResults => _results;

    /// <summary>
    /// One message applied once per Idempotency-Key: <paramref name="read"/> checks the body and says what it records
    /// (empty: malformed, 400). A failure happens before applying or after it (the answer lost), half the time each.
    /// </summary>
    private static async Task<IResult> ApplyOnceAsync(HttpRequest request, PortalSimulator portal, SandboxBehaviour behaviour, Func<JsonElement, string> read, CancellationToken ct)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return Results.BadRequest(new { error = "idempotency_key_required" });
        }

        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("dossierCode", out var code) && code.GetString() is { } dossier && portal.FailingDossiers.ContainsKey(dossier))
        {
            return Results.Json(new { error = "dossier_locked" }, statusCode: 503);
        }

        var failing = await behaviour.ShouldFailAsync(NationalSystem.Portal.Key, ct);
        bool afterApplying;
        lock (portal._random)
        {
            afterApplying = portal._random.NextDouble() < 0.5;
        }

        if (failing && !afterApplying)
        {
            return Results.Json(new { error = "service_unavailable" }, statusCode: 503);
        }

        string what;
        try
        {
            what = read(body);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            what = "";
        }

        if (what.Length == 0)
        {
            return Results.BadRequest(new { error = "invalid_message" });
        }

        if (portal._seen.AddOrUpdate(key, 1, (_, n) => n + 1) == 1)
        {
            portal._applied.Enqueue((body.GetProperty("dossierCode").GetString()!, what, key));
        }

        return failing
            ? Results.Json(new { error = "gateway_timeout" }, statusCode: 504) // applied, but the answer is lost
            : Results.Ok(new { accepted = true });
    }

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapPost("/portal/dossier-statuses", (HttpRequest request, PortalSimulator portal, SandboxBehaviour behaviour, CancellationToken ct) =>
            ApplyOnceAsync(request, portal, behaviour, body => body.GetProperty("status").GetString()!, ct));
        // Yêu cầu bổ sung hồ sơ: the reason (and the components asked, when the desk named them) for the citizen on the portal.
        sandbox.MapPost("/portal/supplement-requests", (HttpRequest request, PortalSimulator portal, SandboxBehaviour behaviour, CancellationToken ct) =>
            ApplyOnceAsync(request, portal, behaviour, body =>
            {
                if (!(body.TryGetProperty("reason", out var r) && r.GetString() is { Length: > 0 }))
                {
                    return "";
                }

                portal._supplements[body.GetProperty("dossierCode").GetString()!] = body.TryGetProperty("componentsAsked", out var asked) && asked.ValueKind == JsonValueKind.Array
                    ? asked.EnumerateArray().Select(c => c.GetString() ?? "").ToList()
                    : [];
                return SupplementRequested;
            }, ct));
        // Kết quả điện tử: the signed PDF, whose bytes must match the hash sent with it.
        sandbox.MapPost("/portal/electronic-results", (HttpRequest request, PortalSimulator portal, SandboxBehaviour behaviour, CancellationToken ct) =>
            ApplyOnceAsync(request, portal, behaviour, body =>
            {
                var content = Convert.FromBase64String(body.GetProperty("contentBase64").GetString() ?? "");
                if (!string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), body.GetProperty("sha256").GetString(), StringComparison.Ordinal))
                {
                    return "";
                }

                portal._results[body.GetProperty("dossierCode").GetString()!] = content;
                return ElectronicResult;
            }, ct));
        // The submission feed: online dossiers in sequence order after a given sequence (failures as configured).
        sandbox.MapGet("/portal/submissions", async (long? after, int? limit, PortalSimulator portal, SandboxBehaviour behaviour, CancellationToken ct) =>
        {
            if (await behaviour.ShouldFailAsync(NationalSystem.Portal.Key, ct))
            {
                return Results.Json(new { error = "service_unavailable" }, statusCode: 503);
            }

            lock (portal._submissions)
            {
                return Results.Ok(portal._submissions.Where(s => s.Sequence > (after ?? 0)).Take(Math.Clamp(limit ?? 100, 1, 500)).ToList());
            }
        });
        // The ratings citizens gave on the portal, in sequence order after a given sequence (failures as configured).
        sandbox.MapGet("/portal/ratings", async (long? after, int? limit, PortalSimulator portal, SandboxBehaviour behaviour, CancellationToken ct) =>
        {
            if (await behaviour.ShouldFailAsync(NationalSystem.Portal.Key, ct))
            {
                return Results.Json(new { error = "service_unavailable" }, statusCode: 503);
            }

            lock (portal._ratings)
            {
                return Results.Ok(portal._ratings.Where(r => r.Sequence > (after ?? 0)).Take(Math.Clamp(limit ?? 100, 1, 500)).ToList());
            }
        });
        // The submissions' files, by the address the feed lists (failures as configured).
        sandbox.MapGet("/portal/files/{id}", async (string id, PortalSimulator portal, SandboxBehaviour behaviour, CancellationToken ct) =>
            await behaviour.ShouldFailAsync(NationalSystem.Portal.Key, ct)
                ? Results.Json(new { error = "service_unavailable" }, statusCode: 503)
                : portal._files.TryGetValue(id, out var content) ? Results.Bytes(content, "application/octet-stream") : Results.NotFound(new { error = "file_not_found" }));
        sandbox.MapPost("/portal/submissions", (SubmitRequest r, PortalSimulator portal) =>
            Results.Ok(portal.Submit(r.UnitCode, r.ProcedureCode, r.ApplicantIdentity, r.ApplicantName, r.ComponentCodes ?? [], r.PaidVnd)));
        // Kho dữ liệu của công dân: the citizen's documents (slow and failing as configured).
        sandbox.MapGet("/portal/citizens/{citizenId}/documents", async (string citizenId, SandboxBehaviour behaviour, CancellationToken ct) =>
            await behaviour.ShouldFailAsync(NationalSystem.Portal.Key, ct)
                ? Results.Json(new { error = "service_unavailable" }, statusCode: 503)
                : OneStop.Platform.CitizenIdFormat.Decode(citizenId) is null
                    ? Results.NotFound(new { error = "citizen_not_found" })
                    : Results.Ok(SimulatedRegistries.PortalDocuments(citizenId)));
        sandbox.MapGet("/portal/dossier-statuses", (PortalSimulator portal) => Results.Ok(new { applied = portal.Applied.Count, requests = portal.Requests }));
    }
}

internal sealed record SubmitRequest(string UnitCode, string ProcedureCode, string ApplicantIdentity, string ApplicantName, string[]? ComponentCodes, long? PaidVnd = null);

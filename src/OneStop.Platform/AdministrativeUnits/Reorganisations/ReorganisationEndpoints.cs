using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// <c>/api/v1/platform/reorganisations</c>: preview and apply a change set from a file (multipart: <c>file</c>,
/// <c>effectiveOn</c>, <c>title</c>, <c>legalBasis</c>, <c>choices</c> as a JSON object dossier id → successor code);
/// and single operations on one unit or agency, each a one-line change set through the same path.
/// </summary>
internal static class ReorganisationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var changes = api.MapGroup("/reorganisations").WithTags("Sắp xếp đơn vị hành chính");
        changes.MapGet("/", List).RequirePermission(PlatformPermissions.UnitsRead);
        changes.MapPost("/preview", Preview).RequirePermission(PlatformPermissions.UnitsManage).DisableAntiforgery()
            .WithSummary("Xem trước phương án sắp xếp (không thay đổi gì)");
        changes.MapPost("/", Apply).RequirePermission(PlatformPermissions.UnitsManage).DisableAntiforgery()
            .WithSummary("Áp dụng phương án sắp xếp (một lần; áp dụng lại cùng nội dung không thay đổi gì)");

        var units = api.MapGroup("/units").WithTags("Đơn vị hành chính");
        units.MapPost("/", (UnitChanges c, Reorganiser r, ICurrentScope s, CreateUnitRequest body, CancellationToken ct) =>
            ApplyOneAsync(r, s, c.CreateUnitAsync(body, ct), ct)).RequirePermission(PlatformPermissions.UnitsManage).Validate<CreateUnitRequest>();
        units.MapPut("/{id:guid}/name", (UnitChanges c, Reorganiser r, ICurrentScope s, Guid id, RenameUnitRequest body, CancellationToken ct) =>
            ApplyOneAsync(r, s, c.RenameUnitAsync(id, body, ct), ct)).RequirePermission(PlatformPermissions.UnitsManage).Validate<RenameUnitRequest>();
        units.MapPost("/{id:guid}/retire", (UnitChanges c, Reorganiser r, ICurrentScope s, Guid id, RetireUnitRequest body, CancellationToken ct) =>
            ApplyOneAsync(r, s, c.RetireUnitAsync(id, body, ct), ct)).RequirePermission(PlatformPermissions.UnitsManage).Validate<RetireUnitRequest>()
            .WithSummary("Sáp nhập (một đơn vị kế thừa) hoặc chia tách (nhiều; đơn vị đầu tiên là kế thừa chính)");
        api.MapPost("/agencies/{id:guid}/retire", (UnitChanges c, Reorganiser r, ICurrentScope s, Guid id, RetireAgencyRequest body, CancellationToken ct) =>
            ApplyOneAsync(r, s, c.RetireAgencyAsync(id, body, ct), ct)).WithTags("Cơ quan, bộ phận một cửa")
            .RequirePermission(PlatformPermissions.UnitsManage).Validate<RetireAgencyRequest>();
    }

    private static async Task<Ok<List<ReorganisationDto>>> List(PlatformDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Reorganisations.AsNoTracking().OrderByDescending(r => r.EffectiveOn).ThenByDescending(r => r.AppliedAt).Take(200)
            .ToListAsync(ct)).Select(ReorganisationDto.Of).ToList());

    private static async Task<Ok<ReorganisationPreview>> Preview(UnitChanges changes, Reorganiser reorganiser, HttpContext http, CancellationToken ct)
    {
        var (plan, problems, _) = await ReadAsync(changes, http, ct);
        return TypedResults.Ok(plan is null ? Refused(problems) : await reorganiser.PreviewAsync(plan, ct));
    }

    private static async Task<Created<ReorganisationDto>> Apply(UnitChanges changes, Reorganiser reorganiser, ICurrentScope scope, HttpContext http, CancellationToken ct)
    {
        var (plan, problems, choices) = await ReadAsync(changes, http, ct);
        if (plan is null)
        {
            throw Reorganiser.Invalid(problems);
        }

        var record = await reorganiser.ApplyAsync(plan, choices, scope.ActorName, ct);
        return TypedResults.Created($"/api/v1/platform/reorganisations/{record.Id}", ReorganisationDto.Of(record));
    }

    private static async Task<Created<ReorganisationDto>> ApplyOneAsync(Reorganiser reorganiser, ICurrentScope scope, Task<ReorganisationPlan> planning, CancellationToken ct)
    {
        var record = await reorganiser.ApplyAsync(await planning, null, scope.ActorName, ct);
        return TypedResults.Created($"/api/v1/platform/reorganisations/{record.Id}", ReorganisationDto.Of(record));
    }

    private static async Task<(ReorganisationPlan?, IReadOnlyList<ReorganisationProblem>, IReadOnlyDictionary<Guid, string>)> ReadAsync(
        UnitChanges changes, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed) { MessageCode = UnitsMessages.MultipartRequired };
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400, e.Message) { MessageCode = UnitsMessages.MultipartUnreadable };
        }

        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
            ?? throw new PlatformException(PlatformErrorCodes.ValidationFailed) { MessageCode = UnitsMessages.FileMissing };
        DateOnly? on = null;
        if (form["effectiveOn"].ToString() is { Length: > 0 } raw)
        {
            on = DateOnly.TryParseExact(raw, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400, raw) { MessageCode = UnitsMessages.EffectiveOnInvalid };
        }

        var choices = new Dictionary<Guid, string>();
        if (form["choices"].ToString() is { Length: > 0 } json)
        {
            try
            {
                choices = JsonSerializer.Deserialize<Dictionary<Guid, string>>(json) ?? [];
            }
            catch (JsonException)
            {
                throw new PlatformException(PlatformErrorCodes.ValidationFailed) { MessageCode = UnitsMessages.ChoicesInvalid };
            }
        }

        await using var stream = file.OpenReadStream();
        var (plan, problems) = await changes.ReadAsync(stream, file.FileName, form["title"], form["legalBasis"], on, ct);
        return (plan, problems, choices);
    }

    private static ReorganisationPreview Refused(IReadOnlyList<ReorganisationProblem> problems) =>
        new("", "", default, "", false, problems, [], [], [], [], [], [], [], []);
}

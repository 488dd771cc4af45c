using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.People;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers;

internal sealed record ReasonRequest(string Reason);

internal sealed class ReasonRequestValidator : AbstractValidator<ReasonRequest>
{
    public ReasonRequestValidator() =>
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).WithErrorCode(CountersMessages.ReasonRequired);
}

/// <summary>Yêu cầu bổ sung: the reason (Mẫu 02's content) and, optionally, the components asked for by document-type code.</summary>
internal sealed record SupplementRequest(string Reason, IReadOnlyList<string>? ComponentsAsked = null);

internal sealed class SupplementRequestValidator : AbstractValidator<SupplementRequest>
{
    public SupplementRequestValidator()
    {
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).WithErrorCode(CountersMessages.ReasonRequired);
        RuleFor(r => r.ComponentsAsked).Must(c => c is null || (c.Count <= SupplementComponents.MaxAsked && c.All(code => code is { Length: > 0 and <= 64 })))
            .WithErrorCode(CountersMessages.SupplementComponentsInvalid);
    }
}

internal sealed record NoteRequest(string? Note = null);

internal sealed class NoteRequestValidator : AbstractValidator<NoteRequest>
{
    public NoteRequestValidator() => RuleFor(r => r.Note).Note();
}

internal sealed record FinancialObligationMetRequest(string? PaymentMethod = null, string? Note = null);

internal sealed class FinancialObligationMetRequestValidator : AbstractValidator<FinancialObligationMetRequest>
{
    public FinancialObligationMetRequestValidator()
    {
        RuleFor(r => r.PaymentMethod).PaymentMethod();
        RuleFor(r => r.Note).Note();
    }
}

internal sealed record AssignRequest(string Assignee, string? Note = null);

internal sealed class AssignRequestValidator : AbstractValidator<AssignRequest>
{
    public AssignRequestValidator() =>
        RuleFor(r => r.Assignee).Must(a => !string.IsNullOrWhiteSpace(a) && a.Length <= 256).WithErrorCode(CountersMessages.AssigneeRequired);
}

/// <param name="Electronic">
/// Handed over in the system (true) or on paper (false): said every time, never assumed, since only the first counts
/// toward the electronic-routing target.
/// </param>
internal sealed record RouteRequest(Guid ToUnitId, bool? Electronic, string? Note = null);

internal sealed class RouteRequestValidator : AbstractValidator<RouteRequest>
{
    public RouteRequestValidator()
    {
        RuleFor(r => r.ToUnitId).NotEqual(Guid.Empty).WithErrorCode(CountersMessages.RouteTargetRequired);
        RuleFor(r => r.Electronic).NotNull().WithErrorCode(CountersMessages.HandoverFormRequired);
        RuleFor(r => r.Note).Note();
    }
}

/// <summary>Trình: the draft result; how the dossier reaches the next step when that is another agency.</summary>
internal sealed record ProposeRequest(string DraftResult, bool Electronic = true);

internal sealed class ProposeRequestValidator : AbstractValidator<ProposeRequest>
{
    public ProposeRequestValidator() =>
        RuleFor(r => r.DraftResult).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).WithErrorCode(CountersMessages.DraftRequired);
}

/// <summary>The agency's answer (e.g. the tax notice number) and how the dossier goes back (electronically or on paper).</summary>
internal sealed record AgencyStepRequest(bool? Electronic, string? Note = null);

internal sealed class AgencyStepRequestValidator : AbstractValidator<AgencyStepRequest>
{
    public AgencyStepRequestValidator()
    {
        RuleFor(r => r.Electronic).NotNull().WithErrorCode(CountersMessages.HandoverFormRequired);
        RuleFor(r => r.Note).Note();
    }
}

internal sealed record SendBackRequest(string Reason);

internal sealed class SendBackRequestValidator : AbstractValidator<SendBackRequest>
{
    public SendBackRequestValidator() =>
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).WithErrorCode(CountersMessages.SendBackReasonRequired);
}

internal sealed record FinancialObligationRequest(decimal AmountVnd, string Reason);

internal sealed class FinancialObligationRequestValidator : AbstractValidator<FinancialObligationRequest>
{
    public FinancialObligationRequestValidator()
    {
        RuleFor(r => r.AmountVnd).Must(a => a is > 0 and <= 100_000_000_000m).WithErrorCode(CountersMessages.AmountPositive);
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).WithErrorCode(CountersMessages.FinancialObligationReasonRequired);
    }
}

internal sealed record ExtendRequest(decimal Value, string Unit, string Reason);

internal sealed class ExtendRequestValidator : AbstractValidator<ExtendRequest>
{
    public ExtendRequestValidator()
    {
        RuleFor(r => r.Value).Must(v => v is > 0 and <= 365).WithErrorCode(CountersMessages.ExtendValueOutOfRange);
        RuleFor(r => r.Unit).Must(u => LegalTimeUnits.All.Contains(u)).WithErrorCode(CountersMessages.ExtendUnitInvalid);
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).WithErrorCode(CountersMessages.ExtendReasonRequired);
    }
}

internal sealed record ResolveRequest(string ResultSummary);

internal sealed class ResolveRequestValidator : AbstractValidator<ResolveRequest>
{
    public ResolveRequestValidator() =>
        RuleFor(r => r.ResultSummary).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).WithErrorCode(CountersMessages.ResultSummaryRequired);
}

internal sealed record ReturnRequest(string Method, string? Note = null);

internal sealed class ReturnRequestValidator : AbstractValidator<ReturnRequest>
{
    public ReturnRequestValidator() =>
        RuleFor(r => r.Method).Must(m => ReturnMethods.All.Contains(m)).WithErrorCode(CountersMessages.IntakeReturnMethodInvalid);
}

/// <summary>REST API of dossiers under <c>/api/v1/counters/dossiers</c>: intake, every transition, lists and the inbox.</summary>
internal static class DossierEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/dossiers").WithTags("Hồ sơ");
        g.MapPost("/", Intake).RequirePermission(CountersPermissions.DossiersReceive).Validate<IntakeRequest>().WithIdempotency()
            .WithSummary("Tiếp nhận hồ sơ: trực tiếp (tiếp nhận ngay), trực tuyến hoặc bưu chính (chờ tiếp nhận)");
        g.MapGet("/", List).RequirePermission(CountersPermissions.DossiersRead).WithSummary("Danh sách hồ sơ trong phạm vi, lọc và phân trang keyset");
        g.MapGet("/inbox", Inbox).RequirePermission(CountersPermissions.DossiersRead).WithSummary("Hồ sơ được giao cho tôi, sắp theo hạn giải quyết");
        g.MapGet("/{id:guid}", Get).RequirePermission(CountersPermissions.DossiersRead).WithSummary("Chi tiết hồ sơ với cách tính hạn, luân chuyển và lịch sử");
        g.MapGet("/{id:guid}/assignees", Assignees).RequirePermission(CountersPermissions.DossiersProcess)
            .WithSummary("Người có thể được giao xử lý hồ sơ: cán bộ của đơn vị đang giữ hồ sơ, còn hiệu lực hôm nay, có vai trò xử lý hồ sơ");
        g.MapGet("/by-code/{code}", GetByCode).RequirePermission(CountersPermissions.DossiersRead).WithSummary("Hồ sơ theo mã");

        Transition<NoteRequest>(g, DossierLifecycle.Receive, "Tiếp nhận hồ sơ trực tuyến / bưu chính", (w, d, r, ct) => w.ReceiveAsync(d, ct));
        Transition<ReasonRequest>(g, DossierLifecycle.Refuse, "Từ chối tiếp nhận (Mẫu 03)", (w, d, r, ct) => w.RefuseAsync(d, r.Reason, ct));
        Transition<AssignRequest>(g, DossierLifecycle.Assign, "Chuyển chuyên viên thụ lý", (w, d, r, ct) => w.AssignAsync(d, r.Assignee.Trim(), r.Note, ct));
        Transition<RouteRequest>(g, DossierLifecycle.Route, "Luân chuyển liên thông đến đơn vị khác", (w, d, r, ct) => w.RouteAsync(d, r.ToUnitId, r.Electronic!.Value, r.Note, ct));
        Transition<ProposeRequest>(g, DossierLifecycle.Propose, "Trình kết quả (dự thảo) sang bước tiếp theo của quy trình nội bộ: cơ quan phối hợp hoặc lãnh đạo phê duyệt",
            (w, d, r, ct) => w.ProposeAsync(d, r.DraftResult.Trim(), r.Electronic, ct));
        Transition<AgencyStepRequest>(g, DossierLifecycle.CompleteAgencyStep, "Cơ quan phối hợp hoàn thành bước của mình và chuyển tiếp (điện tử hoặc bản giấy)",
            (w, d, r, ct) => w.CompleteAgencyStepAsync(d, r.Note, r.Electronic!.Value, ct));
        Transition<NoteRequest>(g, DossierLifecycle.Approve, "Lãnh đạo phê duyệt, ký kết quả đã trình; kết quả chuyển về nơi tiếp nhận", (w, d, r, ct) => w.ApproveAsync(d, r.Note, ct));
        Transition<SendBackRequest>(g, DossierLifecycle.SendBack, "Lãnh đạo trả lại kết quả đã trình, có lý do; chuyên viên xử lý lại", (w, d, r, ct) => w.SendBackAsync(d, r.Reason, ct));
        Transition<SupplementRequest>(g, DossierLifecycle.RequestSupplement,
            "Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02; dừng tính thời gian), có thể kèm thành phần hồ sơ cần bổ sung (mã loại giấy tờ của thủ tục)",
            (w, d, r, ct) => w.RequestSupplementAsync(d, r.Reason, r.ComponentsAsked, ct));
        Transition<NoteRequest>(g, DossierLifecycle.Supplement, "Nhận hồ sơ bổ sung (tính tiếp thời gian)", (w, d, r, ct) => w.SupplementAsync(d, r.Note, ct));
        Transition<FinancialObligationRequest>(g, DossierLifecycle.RequestFinancialObligation, "Yêu cầu thực hiện nghĩa vụ tài chính", (w, d, r, ct) => w.RequestFinancialObligationAsync(d, r.AmountVnd, r.Reason, ct));
        Transition<FinancialObligationMetRequest>(g, DossierLifecycle.FinancialObligationMet, "Xác nhận đã thực hiện nghĩa vụ tài chính (hình thức thanh toán: ONLINE, DESK, POSTAL; mặc định DESK)",
            (w, d, r, ct) => w.FinancialObligationMetAsync(d, r.PaymentMethod, ct));
        Transition<ExtendRequest>(g, DossierLifecycle.Extend, "Gia hạn thời gian giải quyết (có lý do)", (w, d, r, ct) => w.ExtendAsync(d, r.Value, r.Unit, r.Reason, ct));
        Transition<ReasonRequest>(g, DossierLifecycle.Withdraw, "Ghi nhận công dân rút hồ sơ", (w, d, r, ct) => w.WithdrawAsync(d, r.Reason, ct));
        Transition<ReasonRequest>(g, DossierLifecycle.Stop, "Dừng giải quyết hồ sơ", (w, d, r, ct) => w.StopAsync(d, r.Reason, ct));
        Transition<ResolveRequest>(g, DossierLifecycle.Resolve, "Phê duyệt kết quả, chuyển về nơi tiếp nhận", (w, d, r, ct) => w.ResolveAsync(d, r.ResultSummary, ct));
        Transition<ReturnRequest>(g, DossierLifecycle.Return, "Trả kết quả cho người nộp", (w, d, r, ct) => w.ReturnAsync(d, r.Method, r.Note, ct));
    }

    private static void Transition<TRequest>(RouteGroupBuilder g, DossierAction action, string summary,
        Func<DossierWorkflow, Dossier, TRequest, CancellationToken, Task> apply) =>
        g.MapPost("/{id:guid}/" + action.Name, async (Guid id, TRequest request, DossierWorkflow workflow, CancellationToken ct) =>
        {
            var dossier = await workflow.LoadAsync(id, ct);
            await apply(workflow, dossier, request, ct);
            return TypedResults.Ok(DossierDto.From(dossier, workflow.Now));
        }).RequirePermission(action.Permission).Validate<TRequest>().WithSummary(summary)
          .Produces<DossierDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<DossierDto>> Intake(IntakeRequest request, IntakeHandler handler, TimeProvider time, CancellationToken ct)
    {
        var dossier = await handler.IntakeAsync(request, ct);
        return TypedResults.Created($"/api/v1/counters/dossiers/{dossier.Id}", DossierDto.From(dossier, time.GetUtcNow()));
    }

    internal static async Task<Ok<DossierDto>> Get(Guid id, DossierWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(DossierDto.From(await workflow.LoadAsync(id, ct), workflow.Now));

    internal static async Task<Ok<IReadOnlyList<PersonName>>> Assignees(Guid id, DossierWorkflow workflow, DossierAssignees assignees, CancellationToken ct) =>
        TypedResults.Ok(await assignees.EligibleAsync(await workflow.LoadAsync(id, ct), ct));

    internal static async Task<Ok<DossierDto>> GetByCode(string code, CountersDbContext db, DossierWorkflow workflow, CancellationToken ct)
    {
        var id = await db.Dossiers.Where(d => d.Code == code).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct)
            ?? throw new PlatformException(CountersErrorCodes.DossierNotFound, 404);
        return await Get(id, workflow, ct);
    }

    internal static async Task<Ok<KeysetPage<DossierListItem>>> List(
        DossierQueries queries, string? status, string? procedureCode, string? channel, bool? overdue, string? q,
        DateOnly? receivedFrom, DateOnly? receivedTo, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(new DossierFilter(status, procedureCode, channel, overdue, q, receivedFrom, receivedTo, null), cursor, pageSize, ct));

    internal static async Task<Ok<KeysetPage<DossierListItem>>> Inbox(DossierQueries queries, ICurrentScope scope, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.InboxAsync(scope.ActorName, cursor, pageSize, ct));
}

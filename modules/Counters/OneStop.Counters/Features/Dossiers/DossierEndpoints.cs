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
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers;

internal sealed record ReasonRequest(string Reason) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 2000)
        {
            yield return new(nameof(Reason), "Nhập lý do (tối đa 2000 ký tự).");
        }
    }
}

internal sealed record NoteRequest(string? Note = null) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (Note?.Length > 2000)
        {
            yield return new(nameof(Note), "Ghi chú tối đa 2000 ký tự.");
        }
    }
}

internal sealed record FinancialObligationMetRequest(string? PaymentMethod = null, string? Note = null) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (PaymentMethod is not null && !PaymentMethods.All.Contains(PaymentMethod))
        {
            yield return new(nameof(PaymentMethod), $"Hình thức thanh toán phải là một trong: {string.Join(", ", PaymentMethods.All)}.");
        }

        if (Note?.Length > 2000)
        {
            yield return new(nameof(Note), "Ghi chú tối đa 2000 ký tự.");
        }
    }
}

internal sealed record AssignRequest(string Assignee, string? Note = null) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Assignee) || Assignee.Length > 256)
        {
            yield return new(nameof(Assignee), "Chọn chuyên viên thụ lý.");
        }
    }
}

internal sealed record RouteRequest(Guid ToUnitId, bool Electronic = true, string? Note = null) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (ToUnitId == Guid.Empty)
        {
            yield return new(nameof(ToUnitId), "Chọn đơn vị nhận hồ sơ.");
        }

        if (Note?.Length > 2000)
        {
            yield return new(nameof(Note), "Ghi chú tối đa 2000 ký tự.");
        }
    }
}

internal sealed record FinancialObligationRequest(decimal AmountVnd, string Reason) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (AmountVnd <= 0 || AmountVnd > 100_000_000_000m)
        {
            yield return new(nameof(AmountVnd), "Số tiền phải lớn hơn 0 đồng.");
        }

        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 2000)
        {
            yield return new(nameof(Reason), "Nhập nội dung nghĩa vụ tài chính.");
        }
    }
}

internal sealed record ExtendRequest(decimal Value, string Unit, string Reason) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (Value <= 0 || Value > 365)
        {
            yield return new(nameof(Value), "Thời gian gia hạn từ 0,5 đến 365.");
        }

        if (!LegalTimeUnits.All.Contains(Unit))
        {
            yield return new(nameof(Unit), $"Đơn vị là {LegalTimeUnits.WorkingDay} hoặc {LegalTimeUnits.WorkingHour}.");
        }

        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 2000)
        {
            yield return new(nameof(Reason), "Gia hạn phải có lý do.");
        }
    }
}

internal sealed record ResolveRequest(string ResultSummary) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ResultSummary) || ResultSummary.Length > 2000)
        {
            yield return new(nameof(ResultSummary), "Nhập kết quả giải quyết (tối đa 2000 ký tự).");
        }
    }
}

internal sealed record ReturnRequest(string Method, string? Note = null) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (!ReturnMethods.All.Contains(Method))
        {
            yield return new(nameof(Method), $"Hình thức trả kết quả phải là một trong: {string.Join(", ", ReturnMethods.All)}.");
        }
    }
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
        g.MapGet("/by-code/{code}", GetByCode).RequirePermission(CountersPermissions.DossiersRead).WithSummary("Hồ sơ theo mã");

        Transition<NoteRequest>(g, DossierActions.Receive, "Tiếp nhận hồ sơ trực tuyến / bưu chính", (w, d, r, ct) => w.ReceiveAsync(d, ct));
        Transition<ReasonRequest>(g, DossierActions.Refuse, "Từ chối tiếp nhận (Mẫu 03)", (w, d, r, ct) => w.RefuseAsync(d, r.Reason, ct));
        Transition<AssignRequest>(g, DossierActions.Assign, "Chuyển chuyên viên thụ lý", (w, d, r, ct) => w.AssignAsync(d, r.Assignee.Trim(), r.Note, ct));
        Transition<RouteRequest>(g, DossierActions.Route, "Luân chuyển liên thông đến đơn vị khác", (w, d, r, ct) => w.RouteAsync(d, r.ToUnitId, r.Electronic, r.Note, ct));
        Transition<ReasonRequest>(g, DossierActions.RequestSupplement, "Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02; dừng tính thời gian)", (w, d, r, ct) => w.RequestSupplementAsync(d, r.Reason, ct));
        Transition<NoteRequest>(g, DossierActions.Supplement, "Nhận hồ sơ bổ sung (tính tiếp thời gian)", (w, d, r, ct) => w.SupplementAsync(d, r.Note, ct));
        Transition<FinancialObligationRequest>(g, DossierActions.RequestFinancialObligation, "Yêu cầu thực hiện nghĩa vụ tài chính", (w, d, r, ct) => w.RequestFinancialObligationAsync(d, r.AmountVnd, r.Reason, ct));
        Transition<FinancialObligationMetRequest>(g, DossierActions.FinancialObligationMet, "Xác nhận đã thực hiện nghĩa vụ tài chính (hình thức thanh toán: ONLINE, DESK, POSTAL; mặc định DESK)",
            (w, d, r, ct) => w.FinancialObligationMetAsync(d, r.PaymentMethod, ct));
        Transition<ExtendRequest>(g, DossierActions.Extend, "Gia hạn thời gian giải quyết (có lý do)", (w, d, r, ct) => w.ExtendAsync(d, r.Value, r.Unit, r.Reason, ct));
        Transition<ReasonRequest>(g, DossierActions.Withdraw, "Ghi nhận công dân rút hồ sơ", (w, d, r, ct) => w.WithdrawAsync(d, r.Reason, ct));
        Transition<ReasonRequest>(g, DossierActions.Stop, "Dừng giải quyết hồ sơ", (w, d, r, ct) => w.StopAsync(d, r.Reason, ct));
        Transition<ResolveRequest>(g, DossierActions.Resolve, "Phê duyệt kết quả, chuyển về nơi tiếp nhận", (w, d, r, ct) => w.ResolveAsync(d, r.ResultSummary, ct));
        Transition<ReturnRequest>(g, DossierActions.Return, "Trả kết quả cho người nộp", (w, d, r, ct) => w.ReturnAsync(d, r.Method, r.Note, ct));
    }

    private static void Transition<TRequest>(RouteGroupBuilder g, DossierActions.DossierAction action, string summary,
        Func<DossierWorkflow, Dossier, TRequest, CancellationToken, Task> apply) where TRequest : IValidatableRequest =>
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

    internal static async Task<Ok<DossierDto>> GetByCode(string code, CountersDbContext db, DossierWorkflow workflow, CancellationToken ct)
    {
        var id = await db.Dossiers.Where(d => d.Code == code).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct)
            ?? throw new PlatformException(CountersErrorCodes.DossierNotFound, "Không tìm thấy hồ sơ trong phạm vi đơn vị của bạn.", 404);
        return await Get(id, workflow, ct);
    }

    internal static async Task<Ok<KeysetPage<DossierListItem>>> List(
        DossierQueries queries, string? status, string? procedureCode, string? channel, bool? overdue, string? q,
        DateOnly? receivedFrom, DateOnly? receivedTo, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(new DossierFilter(status, procedureCode, channel, overdue, q, receivedFrom, receivedTo, null), cursor, pageSize, ct));

    internal static async Task<Ok<KeysetPage<DossierListItem>>> Inbox(DossierQueries queries, ICurrentScope scope, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.InboxAsync(scope.ActorName, cursor, pageSize, ct));
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Platform.Permissions;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>
/// <c>/api/v1/platform/users</c> and <c>/roles</c>: people, their memberships and the roles × permissions matrix, for
/// the administration pages and for third-party HR systems. The same <see cref="PeopleAdministration"/> serves both.
/// </summary>
internal static class PeopleEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var people = api.MapGroup("/users").WithTags("Người dùng").RequirePermission(PlatformPermissions.UsersManage);
        people.MapGet("/", List).WithSummary("Người dùng trong phạm vi quản lý (lọc theo đơn vị, vai trò, trạng thái; tìm không dấu)");
        people.MapGet("/{id:guid}", Get);
        people.MapPost("/", Create).Validate<CreatePersonRequest>().WithIdempotency()
            .WithSummary("Tạo tài khoản với đơn vị, vai trò; trả về mật khẩu dùng một lần");
        people.MapPut("/{id:guid}", Update).Validate<UpdatePersonRequest>();
        people.MapPost("/{id:guid}/deactivate", (PeopleAdministration a, HttpContext h, Guid id, CancellationToken ct) => SetActive(a, h, id, false, ct))
            .WithSummary("Vô hiệu hóa (nghỉ việc, chuyển công tác): mọi phiên đăng nhập kết thúc");
        people.MapPost("/{id:guid}/reactivate", (PeopleAdministration a, HttpContext h, Guid id, CancellationToken ct) => SetActive(a, h, id, true, ct));
        people.MapPost("/{id:guid}/reset-password", ResetPassword).WithSummary("Đặt lại mật khẩu dùng một lần (phải đổi ở lần đăng nhập sau)");
        people.MapPost("/{id:guid}/unlock", Unlock).WithSummary("Mở khóa và xóa thời gian chờ đăng nhập sai");
        people.MapPost("/{id:guid}/memberships", AddMembership).Validate<MembershipRequest>();
        people.MapPut("/{id:guid}/memberships/{membershipId:guid}", UpdateMembership).Validate<MembershipRequest>();
        people.MapPost("/{id:guid}/memberships/{membershipId:guid}/end", EndMembership).WithSummary("Kết thúc vai trò tại đơn vị từ hôm nay");
        people.MapGet("/{id:guid}/history", History).WithSummary("Lịch sử thay đổi người dùng, đơn vị, vai trò (từ nhật ký)");
        people.MapGet("/import/template", () => TypedResults.File(PeopleImport.Template(), FileTypes.Xlsx, "mau-nhap-can-bo.xlsx"));
        people.MapPost("/import/preview", Preview).DisableAntiforgery() // bearer clients; the page posts through its own antiforgery-checked form
            .WithSummary("Xem trước sổ tính Excel cán bộ: lỗi từng dòng, chưa ghi gì");
        people.MapPost("/import", Confirm).Validate<ImportConfirmation>().WithSummary("Tạo các dòng hợp lệ của tệp đã xem trước");

        var roles = api.MapGroup("/roles").WithTags("Vai trò và quyền");
        roles.MapGet("/", Roles).RequirePermission(PlatformPermissions.UsersManage);
        roles.MapGet("/permissions", Permissions).RequirePermission(PlatformPermissions.UsersManage);
        roles.MapPost("/", CreateRole).RequirePermission(PlatformPermissions.RolesManage).Validate<CreateRoleRequest>();
        roles.MapPut("/{name}/permissions", SetPermissions).RequirePermission(PlatformPermissions.RolesManage).Validate<RolePermissionsRequest>();
    }

    private static async Task<Ok<KeysetPage<PersonDto>>> List(PeopleAdministration a, HttpContext http,
        Guid? unitId, string? role, string? status, string? q, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await a.ListAsync(await a.AdministratorAsync(http.User, ct), unitId, role, status, q, cursor, pageSize, ct));

    private static async Task<Ok<PersonDto>> Get(PeopleAdministration a, HttpContext http, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await a.GetAsync(await a.AdministratorAsync(http.User, ct), id, ct));

    private static async Task<Created<PersonCreated>> Create(PeopleAdministration a, HttpContext http, CreatePersonRequest request, CancellationToken ct)
    {
        var created = await a.CreateAsync(await a.AdministratorAsync(http.User, ct), request, ct);
        return TypedResults.Created($"/api/v1/platform/users/{created.Person.Id}", created);
    }

    private static async Task<Ok<PersonDto>> Update(PeopleAdministration a, HttpContext http, Guid id, UpdatePersonRequest request, CancellationToken ct) =>
        TypedResults.Ok(await a.UpdateAsync(await a.AdministratorAsync(http.User, ct), id, request, ct));

    private static async Task<Ok<PersonDto>> SetActive(PeopleAdministration a, HttpContext http, Guid id, bool active, CancellationToken ct) =>
        TypedResults.Ok(await a.SetActiveAsync(await a.AdministratorAsync(http.User, ct), id, active, ct));

    private static async Task<Ok<OneTimePassword>> ResetPassword(PeopleAdministration a, HttpContext http, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await a.ResetPasswordAsync(await a.AdministratorAsync(http.User, ct), id, ct));

    private static async Task<Ok<PersonDto>> Unlock(PeopleAdministration a, HttpContext http, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await a.UnlockAsync(await a.AdministratorAsync(http.User, ct), id, ct));

    private static async Task<Ok<PersonDto>> AddMembership(PeopleAdministration a, HttpContext http, Guid id, MembershipRequest body, CancellationToken ct) =>
        TypedResults.Ok(await a.AddMembershipAsync(await a.AdministratorAsync(http.User, ct), id, body, ct));

    private static async Task<Ok<PersonDto>> UpdateMembership(PeopleAdministration a, HttpContext http, Guid id, Guid membershipId, MembershipRequest body, CancellationToken ct) =>
        TypedResults.Ok(await a.UpdateMembershipAsync(await a.AdministratorAsync(http.User, ct), id, membershipId, body, ct));

    private static async Task<Ok<PersonDto>> EndMembership(PeopleAdministration a, HttpContext http, Guid id, Guid membershipId, CancellationToken ct) =>
        TypedResults.Ok(await a.EndMembershipAsync(await a.AdministratorAsync(http.User, ct), id, membershipId, ct));

    private static async Task<Ok<IReadOnlyList<PersonHistoryEntry>>> History(PeopleAdministration a, HttpContext http, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await a.HistoryAsync(await a.AdministratorAsync(http.User, ct), id, ct));

    private static async Task<Ok<ImportPreview>> Preview(PeopleAdministration a, PeopleImport import, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw new PlatformException(PlatformErrorCodes.ImportInvalidFile) { MessageCode = PeopleMessages.ImportMultipartRequired };
        }

        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
            ?? throw new PlatformException(PlatformErrorCodes.ImportInvalidFile) { MessageCode = PeopleMessages.ImportFileMissing };
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await import.PreviewAsync(await a.AdministratorAsync(http.User, ct), file.FileName, stream, ct));
    }

    private static async Task<Ok<IReadOnlyList<ImportedPerson>>> Confirm(PeopleAdministration a, PeopleImport import, HttpContext http, ImportConfirmation request, CancellationToken ct) =>
        TypedResults.Ok(await import.ConfirmAsync(await a.AdministratorAsync(http.User, ct), request.FileId, ct));

    private static async Task<Ok<IReadOnlyList<RoleDto>>> Roles(PeopleAdministration a, CancellationToken ct) => TypedResults.Ok(await a.RolesAsync(ct));

    private static Ok<List<PermissionDefinition>> Permissions(OneStop.Platform.Modules.ModuleRegistry modules) =>
        TypedResults.Ok(modules.AllPermissions.DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal).ToList());

    private static async Task<Created<RoleDto>> CreateRole(PeopleAdministration a, CreateRoleRequest request, CancellationToken ct)
    {
        var role = await a.CreateRoleAsync(request, ct);
        return TypedResults.Created($"/api/v1/platform/roles/{role.Name}", role);
    }

    private static async Task<Ok<RoleDto>> SetPermissions(PeopleAdministration a, string name, RolePermissionsRequest request, CancellationToken ct) =>
        TypedResults.Ok(await a.SetPermissionsAsync(name, request.Permissions!, ct));
}

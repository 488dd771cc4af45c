using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Integration.Contracts;
using OneStop.Platform;
using OneStop.Platform.Identity;
using OneStop.Platform.Localization;
using OneStop.Platform.Modules;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Integration.Features.ApiClients;

internal sealed record RegisterApiClientRequest(string ClientId, string DisplayName, Guid? UnitId, string[] Scopes);

internal sealed class RegisterApiClientRequestValidator : AbstractValidator<RegisterApiClientRequest>
{
    public RegisterApiClientRequestValidator()
    {
        RuleFor(r => r.ClientId).Must(id => id is { Length: >= 3 and <= 100 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
            .WithErrorCode(IntegrationMessages.ClientIdInvalid);
        RuleFor(r => r.DisplayName).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 200).WithErrorCode(IntegrationMessages.ClientNameRequired);
        RuleFor(r => r.Scopes).Must(scopes => scopes is { Length: > 0 }).WithErrorCode(IntegrationMessages.ClientScopesRequired);
    }
}

internal sealed record ApiClientDto(string ClientId, string DisplayName, string UnitPath, string[] Scopes, long RequestsToday);

internal sealed record ApiClientSecretDto(string ClientId, string ClientSecret);

/// <summary>Third-party systems (ứng dụng kết nối): registered per unit with scopes, secrets rotated, usage shown.</summary>
internal static class ApiClientEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/clients").RequirePermission(PlatformPermissions.ApiClientsManage);
        group.MapGet("/", List).WithSummary("Ứng dụng kết nối trong phạm vi, với số yêu cầu hôm nay");
        group.MapPost("/", Register).Validate<RegisterApiClientRequest>().WithIdempotency()
            .WithSummary("Đăng ký ứng dụng kết nối cho một đơn vị; trả về khóa bí mật (chỉ một lần)");
        group.MapPost("/{clientId}/rotate-secret", Rotate).WithSummary("Cấp khóa bí mật mới; khóa cũ hết hiệu lực ngay");
    }

    internal static async Task<Ok<List<ApiClientDto>>> List(PlatformDbContext db, ApiUsageMeter usage, CancellationToken ct)
    {
        var clients = await db.ApiClients.AsNoTracking().OrderBy(c => c.ClientId).ToListAsync(ct);
        var today = await usage.TodayAsync(clients.Select(c => c.ClientId).ToList(), ct);
        return TypedResults.Ok(clients.Select(c => new ApiClientDto(c.ClientId, c.DisplayName, c.UnitPath, c.Scopes.ToArray(), today.GetValueOrDefault(c.ClientId))).ToList());
    }

    internal static async Task<Results<Created<ApiClientSecretDto>, ProblemHttpResult>> Register(
        PlatformDbContext db, ICurrentScope scope, ModuleRegistry modules, IServiceProvider services, RegisterApiClientRequest request, CancellationToken ct)
    {
        var unit = await db.AdministrativeUnits.FirstOrDefaultAsync(u => u.Id == (request.UnitId ?? scope.Unit.UnitId), ct);
        if (unit is null)
        {
            return Problem(IntegrationErrorCodes.NotFound, Messages.Text(IntegrationMessages.ClientUnitNotFound), 404);
        }

        var known = modules.AllPermissions.Select(p => p.Name).ToHashSet();
        if (request.Scopes.FirstOrDefault(s => !known.Contains(s)) is { } unknown)
        {
            return Problem(PlatformErrorCodes.ValidationFailed, Messages.Text(IntegrationMessages.ClientScopeUnknown, unknown), 400);
        }

        if (await db.ApiClients.IgnoreQueryFilters().AnyAsync(c => c.ClientId == request.ClientId, ct))
        {
            return Problem(PlatformErrorCodes.Conflict, Messages.Text(IntegrationMessages.ClientIdTaken, request.ClientId), 409);
        }

        var secret = ApiClientRegistrar.NewSecret();
        await ApiClientRegistrar.RegisterAsync(services, request.ClientId, secret, request.DisplayName.Trim(), unit.Code, request.Scopes.Distinct().ToList(), ct);
        return TypedResults.Created($"/api/v1/integration/clients/{request.ClientId}", new ApiClientSecretDto(request.ClientId, secret));
    }

    internal static async Task<Results<Ok<ApiClientSecretDto>, ProblemHttpResult>> Rotate(PlatformDbContext db, IServiceProvider services, string clientId, CancellationToken ct)
    {
        // Only a client in the caller's scope (the query filter) may be rotated.
        if (!await db.ApiClients.AnyAsync(c => c.ClientId == clientId, ct) || await ApiClientRegistrar.RotateSecretAsync(services, clientId, ct) is not { } secret)
        {
            return Problem(IntegrationErrorCodes.NotFound, Messages.Text(IntegrationMessages.ClientNotFound), 404);
        }

        return TypedResults.Ok(new ApiClientSecretDto(clientId, secret));
    }

    private static ProblemHttpResult Problem(string code, string title, int status) =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(code, title, status));
}

using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Integration.Contracts;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Integration.Features.Lookups;

internal sealed record VerifyCitizenBody(string CitizenId, string FullName, DateOnly? DateOfBirth);

internal sealed class VerifyCitizenBodyValidator : AbstractValidator<VerifyCitizenBody>
{
    public VerifyCitizenBodyValidator()
    {
        RuleFor(b => b.CitizenId).Must(OneStop.Platform.CitizenIdFormat.IsValid).WithErrorCode(IntegrationErrorCodes.InvalidCitizenId);
        RuleFor(b => b.FullName).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 100).WithErrorCode(IntegrationMessages.FullNameRequired);
        RuleFor(b => b.DateOfBirth).Must(date => date is { } d && d <= DateOnly.FromDateTime(DateTime.Today)).WithErrorCode(IntegrationMessages.DateOfBirthInvalid);
    }
}

/// <summary>Lookups in the national databases for intake (prefill), under /api/v1/integration.</summary>
internal static class LookupEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/citizens/verify", VerifyCitizen).RequirePermission(IntegrationPermissions.Lookup).Validate<VerifyCitizenBody>()
            .WithSummary("Xác thực công dân với Cơ sở dữ liệu quốc gia về dân cư (số định danh, họ tên, ngày sinh)");
        api.MapGet("/enterprises/{code}", FindEnterprise).RequirePermission(IntegrationPermissions.Lookup)
            .WithSummary("Tra cứu doanh nghiệp theo mã số trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp");
        api.MapGet("/land-parcels/{certificateNumber}", FindLandParcel).RequirePermission(IntegrationPermissions.Lookup)
            .WithSummary("Tra cứu thửa đất theo số phát hành giấy chứng nhận trong Cơ sở dữ liệu quốc gia về đất đai");
        api.MapGet("/citizens/{citizenId}/portal-documents", FetchPortalDataStore).RequirePermission(IntegrationPermissions.Lookup)
            .WithSummary("Lấy giấy tờ trong kho dữ liệu của công dân trên Cổng Dịch vụ công quốc gia (mỗi lần lấy được ghi nhật ký trao đổi)");
    }

    internal static async Task<Results<Ok<PortalDataStoreLookup>, ProblemHttpResult>> FetchPortalDataStore(
        string citizenId, IIntegrationApi integration, CancellationToken ct)
    {
        if (!OneStop.Platform.CitizenIdFormat.IsValid(citizenId))
        {
            throw new PlatformException(IntegrationErrorCodes.InvalidCitizenId);
        }

        var result = await integration.FetchPortalDataStoreAsync(citizenId, ct);
        return Respond(result, result.Outcome, result.Message);
    }

    internal static async Task<Results<Ok<CitizenVerification>, ProblemHttpResult>> VerifyCitizen(
        VerifyCitizenBody body, IIntegrationApi integration, CancellationToken ct)
    {
        var result = await integration.VerifyCitizenAsync(body.CitizenId, body.FullName, body.DateOfBirth!.Value, ct);
        return Respond(result, result.Outcome, result.Message);
    }

    internal static async Task<Results<Ok<EnterpriseLookup>, ProblemHttpResult>> FindEnterprise(
        string code, IIntegrationApi integration, CancellationToken ct)
    {
        RequireLookupKey(code);
        var result = await integration.FindEnterpriseAsync(code, ct);
        return Respond(result, result.Outcome, result.Message);
    }

    internal static async Task<Results<Ok<LandParcelLookup>, ProblemHttpResult>> FindLandParcel(
        string certificateNumber, IIntegrationApi integration, CancellationToken ct)
    {
        RequireLookupKey(certificateNumber);
        var result = await integration.FindLandParcelAsync(certificateNumber, ct);
        return Respond(result, result.Outcome, result.Message);
    }

    /// <summary>
    /// An enterprise code (0801234567, 0801234567-001) or a certificate number (CS123456, BK 123456): 1 to 32 letters,
    /// digits, spaces, '-', '.' or '/'. Anything else would only reach the register to come back as an outage.
    /// </summary>
    private static void RequireLookupKey(string key)
    {
        var trimmed = key.Trim();
        if (trimmed.Length is 0 or > 32 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or '/'))
        {
            throw new PlatformException(IntegrationErrorCodes.InvalidLookupKey);
        }
    }

    /// <summary>
    /// Found or mismatch: 200; not in the register: 404 ProblemDetails (code Integration.NotInRegister, the answer's
    /// message as title, "outcome" and "message" kept as before); system down: 503 ProblemDetails.
    /// </summary>
    private static Results<Ok<T>, ProblemHttpResult> Respond<T>(T result, LookupOutcome outcome, string message)
    {
        switch (outcome)
        {
            case LookupOutcome.Unavailable:
                return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(IntegrationErrorCodes.SystemUnavailable, message, StatusCodes.Status503ServiceUnavailable));
            case LookupOutcome.NotFound:
                var problem = ProblemDetailsSetup.ToProblemDetails(IntegrationErrorCodes.NotInRegister, message, StatusCodes.Status404NotFound);
                problem.Extensions["outcome"] = outcome.ToString();
                problem.Extensions["message"] = message;
                return TypedResults.Problem(problem);
            default:
                return TypedResults.Ok(result);
        }
    }
}

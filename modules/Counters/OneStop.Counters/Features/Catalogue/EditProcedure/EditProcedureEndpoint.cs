using FluentValidation;
using OneStop.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Catalogue.EditProcedure;

/// <summary>
/// The editable description of a procedure (not its legal times: those change by new versions). The publication dates
/// and the population-data flag are optional: absent, they keep their value.
/// </summary>
internal sealed record EditProcedureRequest(
    string Name, string? Field, IReadOnlyList<string>? Levels, string? ExecutingAgency,
    bool FullyOnline, bool PostalAllowed,
    DateOnly? EffectiveFrom = null, DateOnly? PublishedOn = null, bool? PopulationDataConnected = null);

internal sealed class EditProcedureRequestValidator : AbstractValidator<EditProcedureRequest>
{
    public EditProcedureRequestValidator()
    {
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 2000).WithErrorCode(CountersMessages.ProcedureNameRequired);
        RuleFor(r => r.Field).MaximumLength(256).WithErrorCode(CountersMessages.ProcedureFieldTooLong);
        RuleFor(r => r.Levels).Must(l => l is { Count: > 0 } && l.All(ResolvingLevels.All.Contains)).WithErrorCode(CountersMessages.ProcedureLevelsRequired);
        RuleFor(r => r.ExecutingAgency).MaximumLength(2000).WithErrorCode(CountersMessages.ProcedureAgencyTooLong);
        RuleFor(r => r.EffectiveFrom).Must(d => d is not { Year: < 2000 or > 2100 }).WithErrorCode(CountersMessages.ProcedureEffectiveFromInvalid);
        RuleFor(r => r.PublishedOn).Must(d => d is not { Year: < 2000 or > 2100 }).WithErrorCode(CountersMessages.ProcedurePublishedOnInvalid);
    }
}

internal sealed class EditProcedureHandler(CountersDbContext db, TimeProvider clock)
{
    public async Task<ProcedureDto?> HandleAsync(string code, EditProcedureRequest request, CancellationToken ct)
    {
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return null;
        }

        procedure.Name = request.Name.Trim();
        procedure.Field = request.Field?.Trim() ?? "";
        procedure.ExecutingAgency = request.ExecutingAgency?.Trim() ?? "";
        procedure.AtCommune = request.Levels!.Contains(ResolvingLevels.Commune);
        procedure.AtDistrict = request.Levels!.Contains(ResolvingLevels.District);
        procedure.AtProvince = request.Levels!.Contains(ResolvingLevels.Province);
        procedure.FullyOnline = request.FullyOnline;
        procedure.PostalAllowed = request.PostalAllowed;
        procedure.EffectiveFrom = request.EffectiveFrom ?? procedure.EffectiveFrom;
        procedure.PublishedOn = request.PublishedOn ?? procedure.PublishedOn;
        procedure.PopulationDataConnected = request.PopulationDataConnected ?? procedure.PopulationDataConnected;
        procedure.SearchText = VietnameseText.Fold(procedure.Code + " " + procedure.Name);
        await db.SaveChangesAsync(ct);

        var saved = await GetProcedureEndpoint.LoadAsync(db, code, ct);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()));
        return GetProcedureEndpoint.ToDto(saved!, today, await LocationIndependence.LocationIndependence.ListedAsync(db, code, today, ct));
    }
}

internal static class EditProcedureEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapPut("/procedures/{code}", Edit).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<EditProcedureRequest>()
            .WithSummary("Sửa thông tin thủ tục (quản trị hệ thống)");

    internal static async Task<Results<Ok<ProcedureDto>, ProblemHttpResult>> Edit(
        EditProcedureHandler handler, string code, EditProcedureRequest request, CancellationToken ct) =>
        await handler.HandleAsync(code, request, ct) is { } dto
            ? TypedResults.Ok(dto)
            : CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, CountersMessages.ProcedureCodeNotFound, code);
}

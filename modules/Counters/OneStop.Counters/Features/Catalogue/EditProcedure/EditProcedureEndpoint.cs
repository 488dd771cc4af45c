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
using OneStop.Counters.Features.Catalogue.ProcedureVersions;
using OneStop.Platform.Localization;
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

/// <summary>
/// Sửa thông tin thủ tục: a change of name, field, levels, agency or channels is a new version effective today (or on
/// the latest version's date when that is later), made by <see cref="NewProcedureVersionHandler"/> with the current
/// legal times, fees, components, results and e-form (ADR 0028); publication dates and the population-data flag are
/// the head's own and change in place.
/// </summary>
internal sealed class EditProcedureHandler(CountersDbContext db, TimeProvider clock, NewProcedureVersionHandler versions)
{
    public async Task<ProcedureDto?> HandleAsync(string code, EditProcedureRequest request, CancellationToken ct)
    {
        var procedure = await db.Procedures.Include(p => p.Versions).Include(p => p.LegalTimes).AsSplitQuery().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return null;
        }

        var today = VietnamTime.Today(clock);
        var on = CatalogueSync.LatestEffectiveFrom(procedure) is { } latest && latest > today ? latest : today;
        var version = new NewProcedureVersionRequest(on, Messages.Text(ProcedureVersionMessages.EditedReason), request.Name, request.Field,
            request.Levels!.Distinct().ToList(), request.ExecutingAgency, procedure.OnlinePartial, request.FullyOnline, request.PostalAllowed);
        if (NewProcedureVersionHandler.DescriptionChanges(procedure, version).Count > 0)
        {
            await versions.HandleAsync(code, version, ct);
        }

        procedure.EffectiveFrom = request.EffectiveFrom ?? procedure.EffectiveFrom;
        procedure.PublishedOn = request.PublishedOn ?? procedure.PublishedOn;
        procedure.PopulationDataConnected = request.PopulationDataConnected ?? procedure.PopulationDataConnected;
        await db.SaveChangesAsync(ct);

        return await GetProcedureEndpoint.DtoAsync(db, code, today, ct);
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

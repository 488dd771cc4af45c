using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Web;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Calendar;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Catalogue.StepBudgets;

/// <summary>
/// Saves a procedure's internal process (quy trình nội bộ, ADR 0036). The budgets may not exceed the shortest legal time
/// (over the channels) in force on the effective date, since one internal process serves every channel; each agency
/// named must exist on that date. Refusals are PlatformExceptions with stable codes; nothing is saved.
/// </summary>
internal sealed class InternalProcessEditor(CountersDbContext db, IAdministrativeUnitDirectory units, TimeProvider clock)
{
    public async Task<IReadOnlyList<StepDto>> SaveAsync(string code, SaveStepBudgetsRequest request, CancellationToken ct)
    {
        var procedure = await db.Procedures.Include(p => p.LegalTimes).Include(p => p.Steps).FirstOrDefaultAsync(p => p.Code == code, ct)
            ?? throw new PlatformException(CountersErrorCodes.ProcedureNotFound, 404, code) { MessageCode = CountersMessages.ProcedureCodeNotFound };
        var today = VietnamTime.Today(clock);
        var from = request.EffectiveFrom ?? today;
        if (from < today)
        {
            // Dossiers already received keep the process copied at reception; a past date would pretend otherwise.
            throw new PlatformException(CountersErrorCodes.ProcessInvalid, 409) { MessageCode = CountersMessages.ProcessDateInPast };
        }

        var shortest = procedure.LegalTimesOn(from).Select(t => new LegalTime(t.Value, t.Unit)).OrderBy(t => t.WorkingTime).FirstOrDefault()
            ?? throw new PlatformException(CountersErrorCodes.LegalTimeUnknown, 422) { MessageCode = CountersMessages.StepsNeedLegalTime };
        var sum = request.Steps.Sum(s => s.BudgetHours);
        var limitHours = (decimal)shortest.WorkingTime.TotalHours;
        if (sum > limitHours)
        {
            throw new PlatformException(CountersErrorCodes.StepBudgetsExceedLegalTime, 422, sum, shortest.Value, CountersMessages.LegalTimeUnit(shortest.Unit), limitHours)
            {
                MessageCode = CountersMessages.StepBudgetsExceed,
            };
        }

        foreach (var agencyCode in request.Steps.Select(s => s.AgencyCode?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct())
        {
            if (await units.AgencyAsync(agencyCode!, ct) is not { } agency || !agency.IsValidOn(from))
            {
                throw new PlatformException(CountersErrorCodes.ProcessInvalid, 422, agencyCode) { MessageCode = CountersMessages.StepAgencyUnknown };
            }
        }

        db.ProcedureSteps.RemoveRange(procedure.Steps.Where(s => s.EffectiveFrom == from));
        var order = 1;
        var steps = request.Steps.Select(s => new ProcedureStep
        {
            ProcedureId = procedure.Id, EffectiveFrom = from, Order = order++, Name = s.Name.Trim(), Kind = s.Kind ?? ProcessStepKinds.Process,
            AgencyCode = string.IsNullOrWhiteSpace(s.AgencyCode) ? null : s.AgencyCode.Trim(), BudgetHours = s.BudgetHours,
        }).ToList();
        db.ProcedureSteps.AddRange(steps);
        await db.SaveChangesAsync(ct);
        return steps.Select(s => new StepDto(s.Order, s.Name, s.BudgetHours, s.Kind, s.AgencyCode, s.EffectiveFrom)).ToList();
    }
}

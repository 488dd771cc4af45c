using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.Persistence;
using OneStop.PlanTasks.Domain;

namespace OneStop.PlanTasks.Infrastructure;

/// <summary>
/// Seeds the plan from <c>SeedData/plan-2021-2025.json</c> (hand-checked against the plan's text, see SOURCES.md) and
/// assigns each task to its lead agencies and units. Idempotent: a plan already present is left alone.
/// Commune-level leads are not fanned out to 235 communes here: each district assigns its communes (delegation).
/// </summary>
internal sealed class PlanSeeder(PlanTasksDbContext db, PlatformDbContext platform, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SeedPlan Load()
    {
        using var stream = typeof(PlanSeeder).Assembly.GetManifestResourceStream("OneStop.PlanTasks.SeedData.plan-2021-2025.json")
            ?? throw new InvalidOperationException("Seed plan missing from the assembly.");
        return JsonSerializer.Deserialize<SeedPlan>(stream, Json) ?? throw new InvalidOperationException("Seed plan is empty.");
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        var seed = Load();
        if (await db.Plans.AnyAsync(p => p.Code == seed.Code, ct))
        {
            return;
        }

        var province = await platform.AdministrativeUnits.AsNoTracking().SingleAsync(u => u.ParentId == null && u.Level == UnitLevels.Province && u.ValidTo == null, ct);
        var districts = await platform.AdministrativeUnits.AsNoTracking().Where(u => u.ParentId == province.Id && u.ValidTo == null).OrderBy(u => u.Path).ToListAsync(ct);
        var agencies = await platform.Agencies.AsNoTracking().Where(a => a.UnitId == province.Id).OrderBy(a => a.Code).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);

        var plan = new Plan(seed.Code, seed.Title, seed.Issuer, seed.IssuedOn);
        plan.Describe(seed.Number, seed.Title, seed.Issuer, seed.IssuedOn, seed.Signer, seed.StartYear, seed.EndYear, PlanStatuses.Issued, seed.EffectiveFrom, seed.EffectiveTo);
        db.Plans.Add(plan);
        var phaseOrder = 0;
        foreach (var p in seed.Phases)
        {
            var phase = new PlanPhase(plan.Id, p.Code, p.Title, p.StartYear, p.EndYear, ++phaseOrder);
            db.Phases.Add(phase);
            var groupOrder = 0;
            foreach (var g in p.Groups)
            {
                var group = new TaskGroup(phase.Id, g.Code, g.Letter, g.Title, ++groupOrder);
                db.Groups.Add(group);
                var taskOrder = 0;
                foreach (var t in g.Tasks)
                {
                    var c = t.Completion;
                    var task = new PlanTask(group.Id, t.Code, t.Title, new Deadline(c.Kind, c.Year, c.Month, c.Quarter, c.Text), t.Products, ++taskOrder)
                    {
                        Leads = t.Leads, LeadText = t.LeadText, Coordinators = t.Coordinators, CoordinatorText = t.CoordinatorText, KpiTargets = t.KpiTargets,
                    };
                    db.Tasks.Add(task);
                    var due = task.Completion.DueOn(today);
                    foreach (var lead in t.Leads)
                    {
                        var (kind, value) = (lead.Split(':')[0], lead.Split(':')[1]);
                        switch (kind)
                        {
                            case "agency":
                                db.Assignments.Add(new TaskAssignment(task, province.Id, province.Path, agencies.Single(a => a.Code == value).Name, value, AssignmentRoles.Lead, due));
                                break;
                            case "kind":
                                foreach (var agency in agencies.Where(a => a.Kind == value))
                                {
                                    db.Assignments.Add(new TaskAssignment(task, province.Id, province.Path, agency.Name, agency.Code, AssignmentRoles.Lead, due));
                                }

                                break;
                            case "level" when value == UnitLevels.District:
                                foreach (var district in districts)
                                {
                                    db.Assignments.Add(new TaskAssignment(task, district.Id, district.Path, district.Name, null, AssignmentRoles.Lead, due));
                                }

                                break;
                        }
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

internal sealed record SeedPlan(
    string Code, string Number, string Title, string Issuer, string IssuedOn, string Signer, int StartYear, int EndYear,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, List<SeedPhase> Phases);
internal sealed record SeedPhase(string Code, string Title, int StartYear, int EndYear, List<SeedGroup> Groups);
internal sealed record SeedGroup(string Code, string Letter, string Title, List<SeedTask> Tasks);
internal sealed record SeedTask(
    string Code, string Title, List<string> Leads, string LeadText, List<string> Coordinators, string CoordinatorText,
    SeedCompletion Completion, string Products, List<string> KpiTargets);
internal sealed record SeedCompletion(string Kind, int? Year, int? Month, int? Quarter, string Text);

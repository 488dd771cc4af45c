using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Features.Dossiers;
using OneStop.Counters.Features.Search;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Modules;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Demo;

/// <summary>
/// The dossiers of the demo dataset (ADR 0019): received at the communes valid on each day (the 2021 units until
/// 2025-06-30, the new wards and communes after), through <see cref="IntakeHandler"/> and <see cref="DossierWorkflow"/>
/// with the clock shifted to each step's time. Most are resolved on time and returned; some late, refused, withdrawn,
/// sent back for supplements; the recent ones are still open. A retired unit's dossiers are all closed before its last
/// day, so nothing is left for a unit that no longer exists.
/// </summary>
internal sealed class DemoDossiers(IServiceScopeFactory scopes, IAdministrativeUnitDirectory units, TimeProvider clock, ILogger<DemoDossiers> logger)
    : IDemoDataContributor
{
    private const string Actor = "dulieumau";
    /// <summary>The host's demo specialist, a member of every unit (Host/Demo/DemoStaff): assignment takes only eligible people.</summary>
    private const string Specialist = "chuyenvien.dulieumau";

    private sealed record ProcedureChoice(string Code, string[] RequiredComponents, bool FullyOnline, bool PostalAllowed);

    private sealed record Plan(DateTimeOffset SubmittedAt, AdministrativeUnitInfo Unit, ProcedureChoice Procedure, string Channel, IntakeApplicant Applicant, double Roll, double Roll2);

    private const int BatchSize = 50;

    public int Order => 100;

    public async Task GenerateAsync(DemoDataRun run, CancellationToken ct)
    {
        var rng = run.RandomFor("Counters.Dossiers");
        var procedures = await ProceduresAsync(rng, ct);
        var plans = await PlanAsync(run, rng, procedures, ct);
        var now = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var created = 0;
        var failed = 0;
        // A batch of dossiers per transaction: one commit (and one fsync on SQLite) instead of one per step; the
        // handlers join the open transaction as they do inside the relay's.
        foreach (var batch in plans.Chunk(BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CountersDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var plan in batch)
            {
                try
                {
                    await RunAsync(scope.ServiceProvider, plan, now, ct);
                    created++;
                }
                catch (PlatformException e)
                {
                    // A procedure the catalogue cannot take that day (no legal time, calendar) is skipped, not fatal.
                    if (++failed <= 5)
                    {
                        logger.LogWarning("Dữ liệu mẫu: bỏ qua hồ sơ {Procedure} tại {Unit}: {Message}", plan.Procedure.Code, plan.Unit.Name, e.Message);
                    }
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            await transaction.CommitAsync(ct);
            if (created / 500 != (created - batch.Length) / 500)
            {
                logger.LogInformation("Dữ liệu mẫu / demo data: {Created}/{Total} hồ sơ ({Seconds:F0} s)", created, plans.Count, watch.Elapsed.TotalSeconds);
            }
        }

        run.DossiersCreated += created;
        logger.LogInformation("Dữ liệu mẫu / demo data: {Created} hồ sơ tạo trong {Seconds:F1} s ({Failed} bỏ qua)", created, watch.Elapsed.TotalSeconds, failed);
    }

    /// <summary>The dossiers go into the search index at once (the relay would follow, event by event, after start).</summary>
    public async Task CompleteAsync(DemoDataRun run, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DossierReindexJob>().RunAsync(ct);
    }

    private async Task<List<ProcedureChoice>> ProceduresAsync(Random rng, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CountersDbContext>();
        var list = await db.Procedures.AsNoTracking().Include(p => p.Components).Include(p => p.LegalTimes).AsSplitQuery()
            .Where(p => p.AtCommune).OrderBy(p => p.Code).ToListAsync(ct);
        // Communes keep to short procedures (civil status, certification, land, social protection): legal time ≤ 15.
        var choices = list.Where(p => p.LegalTimes.Any(t => t.Value is > 0 and <= 15))
            .Select(p => new ProcedureChoice(p.Code, p.Components.Where(c => c.Required).Select(c => c.DocumentTypeCode).ToArray(), p.FullyOnline, p.PostalAllowed))
            .ToList();
        // A few procedures carry most of the work, as at a real desk: shuffle once, then weigh by rank (Zipf).
        return choices.OrderBy(_ => rng.Next()).ToList();
    }

    private async Task<List<Plan>> PlanAsync(DemoDataRun run, Random rng, List<ProcedureChoice> procedures, CancellationToken ct)
    {
        var all = await units.AllAsync(ct);
        var communes = all.Where(u => u.Level == UnitLevels.Commune).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        // Busy urban wards and quiet communes: a weight per unit, the same for a unit all along.
        var unitWeight = communes.ToDictionary(u => u.Id, u => (u.Name.StartsWith("Phường", StringComparison.Ordinal) ? 3 : 1) + rng.Next(3));
        var procedureWeight = procedures.Select((_, rank) => 1.0 / (rank + 2)).ToArray();
        var procedureTotal = procedureWeight.Sum();
        var days = new List<DateOnly>();
        for (var d = run.From; d <= run.To; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }

        var byDay = new Dictionary<DateOnly, List<AdministrativeUnitInfo>>();
        var hasDesk = new Dictionary<(Guid, bool), bool>();
        var plans = new List<Plan>(run.Dossiers);
        for (var i = 0; i < run.Dossiers; i++)
        {
            // Later months a little busier (online services grow).
            var day = days[(int)(days.Count * Math.Pow(rng.NextDouble(), 0.85))];
            if (!byDay.TryGetValue(day, out var open))
            {
                open = [];
                foreach (var u in communes.Where(u => u.IsValidOn(day)))
                {
                    var key = (u.Id, day < new DateOnly(2025, 7, 1));
                    if (!hasDesk.TryGetValue(key, out var desk))
                    {
                        hasDesk[key] = desk = await units.ReceptionDeskAsync(u.Id, day, ct) is not null;
                    }

                    if (desk)
                    {
                        open.Add(u);
                    }
                }

                byDay[day] = open;
            }

            if (open.Count == 0 || procedures.Count == 0)
            {
                continue;
            }

            var unit = PickUnit(rng, open, unitWeight);
            var procedure = procedures[PickIndex(rng, procedureWeight, procedureTotal)];
            var channelRoll = rng.NextDouble();
            var channel = procedure.FullyOnline
                ? channelRoll < 0.55 ? DossierChannels.Online : channelRoll < 0.6 && procedure.PostalAllowed ? DossierChannels.Postal : DossierChannels.Direct
                : channelRoll < 0.08 && procedure.PostalAllowed ? DossierChannels.Postal : channelRoll < 0.18 ? DossierChannels.Online : DossierChannels.Direct;
            var at = OneStop.Platform.Domain.VietnamTime.StartOf(day).AddHours(7.5 + rng.NextDouble() * 9);
            plans.Add(new Plan(at, unit, procedure, channel, DemoApplicants.Next(rng, unit.Name, day), rng.NextDouble(), rng.NextDouble()));
        }

        return plans.OrderBy(p => p.SubmittedAt).ToList();
    }

    /// <summary>One dossier's life, each step at its own time; a step after <paramref name="now"/> does not happen (still open).</summary>
    private static async Task RunAsync(IServiceProvider sp, Plan plan, DateTimeOffset now, CancellationToken ct)
    {
        using var acting = sp.GetRequiredService<ICurrentScope>().Change(new UnitScope(plan.Unit.Id, plan.Unit.Path, plan.Unit.Name), null, Actor);
        var intake = sp.GetRequiredService<IntakeHandler>();
        var workflow = sp.GetRequiredService<DossierWorkflow>();
        // A retired unit's dossiers end before its last evening: nothing open is left at a unit that no longer exists.
        var last = plan.Unit.ValidTo is { } gone ? OneStop.Platform.Domain.VietnamTime.StartOf(gone.AddDays(-1)).AddHours(17) : now;
        var t = plan.SubmittedAt;
        bool Step(TimeSpan after)
        {
            var next = t + after;
            if (next > last)
            {
                if (plan.Unit.ValidTo is null)
                {
                    return false;
                }

                next = t.AddMinutes(5) < last ? last : t.AddMinutes(1);
            }

            t = next;
            return true;
        }

        Dossier dossier;
        using (AsOfClock.At(t))
        {
            var components = plan.Procedure.RequiredComponents.Select(c => new IntakeComponent(c)).ToArray();
            var returnMethod = plan.Channel == DossierChannels.Online ? ReturnMethods.Electronic : plan.Channel == DossierChannels.Postal ? ReturnMethods.Postal : ReturnMethods.Desk;
            dossier = await intake.IntakeAsync(new IntakeRequest(plan.Procedure.Code, plan.Applicant, components, plan.Channel, returnMethod,
                PaymentMethod: plan.Channel == DossierChannels.Online ? PaymentMethods.Online : null), ct);
        }

        var roll = plan.Roll;
        if (dossier.Status == DossierStatuses.New)
        {
            if (!Step(TimeSpan.FromHours(1 + plan.Roll2 * 20)))
            {
                return;
            }

            using (AsOfClock.At(t))
            {
                if (roll < 0.03)
                {
                    await workflow.RefuseAsync(dossier, "Hồ sơ không đúng thủ tục yêu cầu, đề nghị nộp lại theo hướng dẫn.", ct);
                    return;
                }

                await workflow.ReceiveAsync(dossier, ct);
            }
        }
        else if (roll < 0.02)
        {
            using (AsOfClock.At(t.AddMinutes(20)))
            {
                await workflow.RefuseAsync(dossier, "Thành phần hồ sơ không hợp lệ.", ct);
            }

            return;
        }

        if (roll is >= 0.03 and < 0.045)
        {
            if (Step(TimeSpan.FromDays(1 + plan.Roll2 * 3)))
            {
                using var _ = AsOfClock.At(t);
                await workflow.WithdrawAsync(dossier, "Công dân đề nghị rút hồ sơ.", ct);
            }

            return;
        }

        if (!Step(TimeSpan.FromHours(0.5 + plan.Roll2 * 4)))
        {
            return;
        }

        using (AsOfClock.At(t))
        {
            await workflow.AssignAsync(dossier, Specialist, null, ct);
        }

        if (roll is >= 0.045 and < 0.12)
        {
            // Sent back for a missing paper (Mẫu 02): the clock stops until the applicant brings it.
            if (!Step(TimeSpan.FromHours(20 + plan.Roll2 * 30)))
            {
                return;
            }

            using (AsOfClock.At(t))
            {
                await workflow.RequestSupplementAsync(dossier, "Đề nghị bổ sung bản sao giấy tờ có chứng thực.", ct);
            }

            if (!Step(TimeSpan.FromDays(2 + plan.Roll2 * 4)))
            {
                return;
            }

            using (AsOfClock.At(t))
            {
                await workflow.SupplementAsync(dossier, "Công dân đã bổ sung.", ct);
            }
        }

        var due = dossier.DueAt ?? t.AddDays(5);
        var late = roll is >= 0.12 and < 0.22;
        var resolveAt = late ? due.AddHours(4 + plan.Roll2 * 100) : t + (due - t) * (0.2 + 0.75 * plan.Roll2);
        if (resolveAt <= t)
        {
            // The supplement took the time past the due date: resolved late, shortly after.
            resolveAt = t.AddHours(2 + plan.Roll2 * 20);
        }

        if (!Step(resolveAt - t))
        {
            return;
        }

        using (AsOfClock.At(t))
        {
            await workflow.ResolveAsync(dossier, "Đã giải quyết theo đề nghị của công dân.", ct);
        }

        if (!Step(TimeSpan.FromHours(2 + plan.Roll2 * 60)))
        {
            return;
        }

        using (AsOfClock.At(t))
        {
            await workflow.ReturnAsync(dossier, dossier.RequestedReturnMethod, null, ct);
        }
    }

    private static AdministrativeUnitInfo PickUnit(Random rng, List<AdministrativeUnitInfo> open, Dictionary<Guid, int> weight)
    {
        var total = open.Sum(u => weight[u.Id]);
        var roll = rng.Next(total);
        foreach (var u in open)
        {
            if ((roll -= weight[u.Id]) < 0)
            {
                return u;
            }
        }

        return open[^1];
    }

    private static int PickIndex(Random rng, double[] weights, double total)
    {
        var roll = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}

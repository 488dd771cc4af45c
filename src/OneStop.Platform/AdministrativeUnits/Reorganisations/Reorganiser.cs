using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Domain;
using OneStop.Platform.Identity;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using K = OneStop.Platform.AdministrativeUnits.Reorganisations.ReorganisationOperationKinds;
using OneStop.Platform.Localization;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// Previews, applies and brings into effect a change set of units and agencies (ADR 0015). Applying creates the new
/// units and agencies and dates the retirements, in one audited transaction; a change set already applied (same
/// content) changes nothing. On its date (at once when the date has passed) it takes effect: open dossiers go to their
/// successors (module participants), memberships and API clients move, desks close, other agencies follow, and the
/// retired unit's archive moves under its primary successor's path so that successor's people see its history.
/// </summary>
public sealed class Reorganiser(IServiceScopeFactory scopes, IAdministrativeUnitDirectory directory, TimeProvider clock, ILogger<Reorganiser> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReorganisationPreview> PreviewAsync(ReorganisationPlan plan, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        using var _ = sp.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted);
        var db = sp.GetRequiredService<PlatformDbContext>();
        var hash = plan.ContentHash();
        var applied = await db.Set<Reorganisation>().AnyAsync(r => r.ContentHash == hash, ct);
        var units = await db.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var agencies = await db.Agencies.IgnoreQueryFilters().AsNoTracking().Where(a => !a.IsDeleted).ToListAsync(ct);
        var rules = new ReorganisationRules(plan, units, agencies);
        var problems = applied ? [] : rules.Check();

        var created = new List<ReorganisationPreviewLine>();
        var renamed = new List<ReorganisationPreviewLine>();
        var merged = new List<ReorganisationPreviewLine>();
        var split = new List<ReorganisationPreviewLine>();
        var agencyLines = new List<ReorganisationPreviewLine>();
        var moved = new List<ReorganisationPreviewLine>();
        var reassign = new List<ReorganisationPreviewLine>();
        IReadOnlyList<SuccessionImpact> impacts = [];
        if (problems.Count == 0)
        {
            var names = plan.Operations.Where(o => o.Kind == K.CreateUnit).ToDictionary(o => o.Code, o => o.Name ?? o.Code);
            string NameOf(string code) => names.TryGetValue(code, out var n) ? n : rules.After(code)?.Name ?? code;
            foreach (var op in plan.Operations)
            {
                switch (op.Kind)
                {
                    case K.CreateUnit:
                        created.Add(new(op.Code, op.Name!, Messages.Text(UnitsMessages.PreviewCreatedUnder, op.ParentCode is null ? Messages.Text(UnitsMessages.PreviewTopLevel) : NameOf(op.ParentCode))
                            + (op.DeskName is null ? "" : $"; {op.DeskName}")));
                        break;
                    case K.RenameUnit:
                        renamed.Add(new(op.Code, rules.Before(op.Code)!.Name, Messages.Text(UnitsMessages.PreviewRenamedTo, op.Name)));
                        break;
                    case K.RetireUnit:
                        var unit = rules.Before(op.Code)!;
                        var line = new ReorganisationPreviewLine(op.Code, unit.Name,
                            op.SuccessorCodes.Count > 1
                                ? Messages.Text(UnitsMessages.PreviewSplitAmong, string.Join(", ", op.SuccessorCodes.Select((c, i) => i == 0 ? Messages.Text(UnitsMessages.PreviewPrimarySuccessor, NameOf(c)) : NameOf(c))))
                                : Messages.Text(UnitsMessages.PreviewMergedInto, NameOf(op.SuccessorCodes[0])) + (op.Note is null ? "" : $" ({op.Note})"));
                        (op.SuccessorCodes.Count > 1 ? split : merged).Add(line);
                        break;
                    default:
                        agencyLines.Add(AgencyLine(op, rules, NameOf));
                        break;
                }
            }

            var transfers = PlannedTransfers(plan, rules);
            var memberships = await db.UnitMemberships.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.ValidTo == null || m.ValidTo >= plan.EffectiveOn).ToListAsync(ct);
            var people = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.FullName.Length > 0 ? u.FullName : u.UserName ?? "", ct);
            foreach (var t in transfers)
            {
                foreach (var m in memberships.Where(m => m.UnitId == t.PredecessorId))
                {
                    var who = people.GetValueOrDefault(m.UserId, "?");
                    if (t.IsSplit)
                    {
                        reassign.Add(new(t.PredecessorCode, who, Messages.Text(UnitsMessages.PreviewReassign, t.PredecessorName)));
                    }
                    else
                    {
                        moved.Add(new(t.PredecessorCode, who, $"{t.PredecessorName} → {t.Primary.Name}"));
                    }
                }
            }

            var all = new List<SuccessionImpact>();
            foreach (var participant in sp.GetServices<IUnitSuccessionParticipant>())
            {
                all.AddRange(await participant.PreviewAsync(transfers, ct));
            }

            impacts = all;
        }

        return new ReorganisationPreview(plan.Title, plan.LegalBasis, plan.EffectiveOn, hash, applied, problems,
            created, renamed, merged, split, agencyLines, moved, reassign, impacts);
    }

    /// <summary>Applies the change set; returns its record (the existing one when the same content was applied before).</summary>
    /// <param name="choices">Dossier id → successor code chosen in the preview for open dossiers of split units.</param>
    public async Task<Reorganisation> ApplyAsync(ReorganisationPlan plan, IReadOnlyDictionary<Guid, string>? choices, string actor, CancellationToken ct = default)
    {
        Reorganisation record;
        using (var scope = scopes.CreateScope())
        {
            var sp = scope.ServiceProvider;
            using var _ = sp.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, actorName: actor);
            var db = sp.GetRequiredService<PlatformDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                // One reorganisation at a time in the whole installation (several hosts may share the database).
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('platform:reorganisation'))", ct);
            }

            var hash = plan.ContentHash();
            if (await db.Set<Reorganisation>().FirstOrDefaultAsync(r => r.ContentHash == hash, ct) is { } existing)
            {
                return existing;
            }

            var units = await db.AdministrativeUnits.IgnoreQueryFilters().ToListAsync(ct);
            var agencies = await db.Agencies.IgnoreQueryFilters().Where(a => !a.IsDeleted).ToListAsync(ct);
            var rules = new ReorganisationRules(plan, units, agencies);
            if (rules.Check() is { Count: > 0 } problems)
            {
                throw Invalid(problems);
            }

            record = new Reorganisation(plan, JsonSerializer.Serialize(plan, Json), JsonSerializer.Serialize(choices ?? new Dictionary<Guid, string>(), Json),
                actor, clock.GetUtcNow());
            db.Add(record);

            var createdUnits = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
            AdministrativeUnit? Resolve(string code) => createdUnits.GetValueOrDefault(code) ?? rules.After(code);
            foreach (var op in plan.Operations.Where(o => o.Kind == K.CreateUnit).OrderBy(o => o.ParentCode is null ? 0 : 1))
            {
                var parent = op.ParentCode is null ? null : Resolve(op.ParentCode);
                var unit = new AdministrativeUnit(op.Code, op.Name!.Trim(), op.Level!, op.UnitKind ?? ReorganisationFile.KindOf(op.Name!), parent, plan.EffectiveOn);
                if (units.Any(u => u.Path == unit.Path))
                {
                    // The code is kept from a predecessor still in place until the date: a distinct path keeps their data apart.
                    unit.MoveCustodyTo($"{parent?.Path ?? "/"}{op.Code}.{plan.EffectiveOn:yyMMdd}/");
                }

                unit.StampOrigin(record.Id);
                createdUnits[op.Code] = unit;
                units.Add(unit);
                db.AdministrativeUnits.Add(unit);
                if (op.DeskName is { Length: > 0 } desk)
                {
                    var kind = plan.EffectiveOn >= ServiceCentresFrom ? AgencyKinds.ServiceCenter : AgencyKinds.OneStopDesk;
                    var agency = new Agency(FreeAgencyCode(kind == AgencyKinds.ServiceCenter ? "PV" : "MC", op.Code, plan.EffectiveOn, agencies), desk, kind, unit, plan.EffectiveOn);
                    agencies.Add(agency);
                    db.Agencies.Add(agency);
                }
            }

            foreach (var op in plan.Operations.Where(o => o.Kind == K.CreateAgency))
            {
                var agency = new Agency(op.Code, op.Name!.Trim(), op.UnitKind!, Resolve(op.ParentCode!)!, plan.EffectiveOn);
                agencies.Add(agency);
                db.Agencies.Add(agency);
            }

            foreach (var op in plan.Operations.Where(o => o.Kind == K.RetireUnit))
            {
                var predecessor = rules.Before(op.Code)!;
                predecessor.Retire(plan.EffectiveOn);
                var i = 0;
                foreach (var code in op.SuccessorCodes.Distinct())
                {
                    db.UnitSuccessions.Add(new UnitSuccession(predecessor.Id, Resolve(code)!.Id, plan.EffectiveOn,
                        op.SuccessorCodes.Count > 1 ? "chia tách" : (op.Note ?? "sáp nhập")[..Math.Min((op.Note ?? "sáp nhập").Length, 128)], isPrimary: i++ == 0, changeSetId: record.Id));
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        Invalidate();
        if (plan.EffectiveOn <= VietnamTime.Today(clock))
        {
            await TakeEffectAsync(record.Id, ct);
            using var scope = scopes.CreateScope();
            record = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Reorganisations.AsNoTracking().FirstAsync(r => r.Id == record.Id, ct);
        }

        return record;
    }

    /// <summary>Brings every applied change set whose date has come into effect (the daily job; also after applying).</summary>
    public async Task<int> TakeEffectDueAsync(CancellationToken ct = default)
    {
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var today = VietnamTime.Today(clock);
            due = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Reorganisation>().AsNoTracking()
                .Where(r => r.TookEffectAt == null && r.EffectiveOn <= today)
                .OrderBy(r => r.EffectiveOn).ThenBy(r => r.AppliedAt).Select(r => r.Id).ToListAsync(ct);
        }

        foreach (var id in due)
        {
            await TakeEffectAsync(id, ct);
        }

        return due.Count;
    }

    /// <summary>Decree 118/2025: from 2025-07-01 every commune receives at a Trung tâm Phục vụ hành chính công.</summary>
    public static readonly DateOnly ServiceCentresFrom = new(2025, 7, 1);

    private async Task TakeEffectAsync(Guid reorganisationId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PlatformDbContext>();
        var record = await db.Set<Reorganisation>().FirstAsync(r => r.Id == reorganisationId, ct);
        using var _ = sp.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, actorName: record.AppliedBy);
        if (record.TookEffectAt is not null)
        {
            return;
        }

        var plan = JsonSerializer.Deserialize<ReorganisationPlan>(record.PlanJson, Json)!;
        var choices = JsonSerializer.Deserialize<Dictionary<Guid, string>>(record.ChoicesJson, Json) ?? [];
        var contexts = sp.GetServices<DbContextRegistration>().Select(r => (DbContext)sp.GetRequiredService(r.ContextType))
            .Where(c => c is not PlatformDbContext).ToList();
        var shared = await SharedTransaction.BeginAsync(db, contexts, ct);
        try
        {
            var outcome = await MoveAsync(sp, db, contexts, record, plan, choices, ct);
            record.TookEffect(clock.GetUtcNow(), outcome);
            db.Publish(new UnitsReorganised(record.Id, plan.EffectiveOn,
                await db.UnitSuccessions.Where(s => s.ChangeSetId == record.Id).Select(s => s.PredecessorId).Distinct().ToListAsync(ct)));
            await db.SaveChangesAsync(ct);
            await shared.CommitAsync(ct);
            logger.LogInformation("Reorganisation {Title} took effect on {Date}: {Outcome}", record.Title, plan.EffectiveOn, outcome);
        }
        finally
        {
            await shared.DisposeAsync();
            Invalidate();
        }
    }

    private async Task<string> MoveAsync(IServiceProvider sp, PlatformDbContext db, IReadOnlyList<DbContext> contexts, Reorganisation record,
        ReorganisationPlan plan, IReadOnlyDictionary<Guid, string> choices, CancellationToken ct)
    {
        var on = plan.EffectiveOn;
        var units = await db.AdministrativeUnits.IgnoreQueryFilters().ToListAsync(ct);
        var agencies = await db.Agencies.IgnoreQueryFilters().Where(a => !a.IsDeleted).ToListAsync(ct);
        var successions = await db.UnitSuccessions.Where(s => s.ChangeSetId == record.Id).ToListAsync(ct);

        // Renames and agency changes of the day.
        foreach (var op in plan.Operations)
        {
            var agency = agencies.FirstOrDefault(a => a.Code == op.Code && a.ValidTo == null);
            switch (op.Kind)
            {
                case K.RenameUnit when units.FirstOrDefault(u => u.Code == op.Code && u.IsValidOn(on)) is { } unit:
                    unit.Rename(op.Name!.Trim(), op.UnitKind ?? unit.Kind);
                    break;
                case K.RenameAgency when agency is not null:
                    agency.Rename(op.Name!.Trim());
                    break;
                case K.MoveAgency when agency is not null && units.FirstOrDefault(u => u.Code == op.ParentCode && u.IsValidOn(on)) is { } target:
                    agency.MoveTo(target);
                    break;
                case K.RetireAgency when agency is not null:
                    agency.Retire(on, op.SuccessorCodes.Count == 0 ? null : agencies.FirstOrDefault(a => a.Code == op.SuccessorCodes[0] && a.ValidTo == null));
                    break;
            }
        }

        var transfers = successions.GroupBy(s => s.PredecessorId).Select(g =>
        {
            var predecessor = units.First(u => u.Id == g.Key);
            var targets = g.OrderByDescending(s => s.IsPrimary).ThenBy(s => s.Id)
                .Select(s => units.First(u => u.Id == s.SuccessorId)).Select(u => new UnitTransferTarget(u.Id, u.Code, u.Name, u.Path)).ToList();
            return (Unit: predecessor, Transfer: new UnitTransfer(predecessor.Id, predecessor.Code, predecessor.Name, predecessor.Path, targets));
        })
        // Deepest first: communes leave their district before the district (and the province) move.
        .OrderByDescending(t => t.Unit.OriginalPath.Count(c => c == '/')).ToList();

        var dossiers = 0;
        foreach (var participant in sp.GetServices<IUnitSuccessionParticipant>())
        {
            dossiers += await participant.ApplyAsync(transfers.Select(t => t.Transfer).ToList(), on, choices, ct);
        }

        int membershipsMoved = 0, toReassign = 0, desksClosed = 0, agenciesMoved = 0, rows = 0;
        var memberships = await db.UnitMemberships.IgnoreQueryFilters().Where(m => m.ValidTo == null || m.ValidTo >= on).ToListAsync(ct);
        var clients = await db.ApiClients.IgnoreQueryFilters().Where(c => !c.IsDeleted).ToListAsync(ct);
        foreach (var (predecessor, transfer) in transfers)
        {
            var primary = units.First(u => u.Id == transfer.Primary.Id);
            foreach (var m in memberships.Where(m => m.UnitId == predecessor.Id))
            {
                if (transfer.IsSplit)
                {
                    toReassign++;
                    continue;
                }

                membershipsMoved++;
                if (m.ValidFrom >= on)
                {
                    (m.UnitId, m.UnitPath) = (primary.Id, primary.Path);
                    continue;
                }

                db.UnitMemberships.Add(new UnitMembership
                {
                    UserId = m.UserId, UnitId = primary.Id, UnitPath = primary.Path, IsDefault = m.IsDefault, AgencyCode = m.AgencyCode,
                    Roles = [.. m.Roles], ValidFrom = on, ValidTo = m.ValidTo,
                });
                m.ValidTo = on.AddDays(-1);
                m.IsDefault = false;
            }

            foreach (var client in clients.Where(c => c.UnitId == predecessor.Id))
            {
                (client.UnitId, client.UnitPath) = (primary.Id, primary.Path);
            }

            foreach (var agency in agencies.Where(a => a.UnitId == predecessor.Id && a.ValidTo == null))
            {
                if (agency.Kind is AgencyKinds.OneStopDesk || (agency.Kind is AgencyKinds.ServiceCenter && predecessor.Level != UnitLevels.Province))
                {
                    agency.Retire(on, null);
                    desksClosed++;
                }
                else
                {
                    agency.MoveTo(primary);
                    agenciesMoved++;
                }
            }
        }

        await db.SaveChangesAsync(ct);

        // The archive follows the primary successor.
        foreach (var (predecessor, transfer) in transfers)
        {
            var successorPath = units.First(u => u.Id == transfer.Primary.Id).Path;
            var oldPrefix = predecessor.Path;
            var newPrefix = successorPath + predecessor.Code + "/";
            if (units.Any(u => u.Path == newPrefix))
            {
                newPrefix = $"{successorPath}{predecessor.Code}.{predecessor.ValidFrom:yyMMdd}/";
            }

            foreach (var unit in units.Where(u => u.Path.StartsWith(oldPrefix, StringComparison.Ordinal)))
            {
                unit.MoveCustodyTo(newPrefix + unit.Path[oldPrefix.Length..]);
            }

            rows += await UnitPathRewriter.RewriteAsync(db, oldPrefix, newPrefix, ct);
            foreach (var context in contexts)
            {
                rows += await UnitPathRewriter.RewriteAsync(context, oldPrefix, newPrefix, ct);
            }
        }

        return $"hồ sơ chuyển: {dossiers}; người chuyển: {membershipsMoved}; người cần phân công lại: {toReassign}; "
            + $"bộ phận một cửa đóng: {desksClosed}; cơ quan chuyển: {agenciesMoved}; dòng dữ liệu chuyển theo đơn vị kế thừa: {rows}";
    }

    /// <summary>Before applying: successors the plan creates get provisional ids (they are identified by code).</summary>
    private static List<UnitTransfer> PlannedTransfers(ReorganisationPlan plan, ReorganisationRules rules)
    {
        var created = plan.Operations.Where(o => o.Kind == K.CreateUnit)
            .ToDictionary(o => o.Code, o => new UnitTransferTarget(SequentialGuid.NewGuid(), o.Code, o.Name ?? o.Code, ""));
        return plan.Operations.Where(o => o.Kind == K.RetireUnit).Select(op =>
        {
            var unit = rules.Before(op.Code)!;
            var targets = op.SuccessorCodes.Distinct().Select(code => created.TryGetValue(code, out var t) ? t
                : rules.After(code) is { } u ? new UnitTransferTarget(u.Id, u.Code, u.Name, u.Path) : null).OfType<UnitTransferTarget>().ToList();
            return new UnitTransfer(unit.Id, unit.Code, unit.Name, unit.Path, targets);
        }).Where(t => t.Successors.Count > 0).ToList();
    }

    private static ReorganisationPreviewLine AgencyLine(ReorganisationOperation op, ReorganisationRules rules, Func<string, string> unitName)
    {
        var current = rules.AgencyBefore(op.Code)?.Name ?? op.Name ?? op.Code;
        return op.Kind switch
        {
            K.CreateAgency => new(op.Code, op.Name!, Messages.Text(UnitsMessages.PreviewAgencyCreatedAt, unitName(op.ParentCode!))),
            K.RenameAgency => new(op.Code, current, Messages.Text(UnitsMessages.PreviewRenamedTo, op.Name)),
            K.MoveAgency => new(op.Code, current, Messages.Text(UnitsMessages.PreviewAgencyMovedTo, unitName(op.ParentCode!))),
            _ => new(op.Code, current, op.SuccessorCodes.Count > 0 ? Messages.Text(UnitsMessages.PreviewAgencyMergedInto, rules.AgencyBefore(op.SuccessorCodes[0])?.Name ?? op.SuccessorCodes[0]) : Messages.Text(UnitsMessages.PreviewAgencyDissolved)),
        };
    }

    private static string FreeAgencyCode(string prefix, string unitCode, DateOnly on, IReadOnlyCollection<Agency> agencies)
    {
        var code = prefix + unitCode;
        for (var n = 0; agencies.Any(a => a.Code == code); n++)
        {
            code = $"{prefix}{unitCode}-{on:yy}" + (n == 0 ? "" : n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return code;
    }

    /// <summary>Why a change set cannot be applied: 400 <see cref="PlatformErrorCodes.ReorganisationInvalid"/>, each problem listed.</summary>
    public static PlatformException Invalid(IReadOnlyList<ReorganisationProblem> problems) =>
        new(PlatformErrorCodes.ReorganisationInvalid)
        {
            Errors = new Dictionary<string, string[]> { ["file"] = problems.Select(p => p.ToString()).ToArray() },
        };

    private void Invalidate() => (directory as AdministrativeUnitDirectory)?.Invalidate();

    /// <summary>
    /// On PostgreSQL every module's context joins the kernel's connection and transaction, so a change set takes effect
    /// atomically; SQLite keeps one file per module, so there each commits on its own and a rerun finishes the rest.
    /// </summary>
    private sealed class SharedTransaction : IAsyncDisposable
    {
        private readonly List<IDbContextTransaction> _own = [];
        private IDbContextTransaction? _shared;

        public static async Task<SharedTransaction> BeginAsync(PlatformDbContext db, IReadOnlyList<DbContext> contexts, CancellationToken ct)
        {
            var result = new SharedTransaction();
            if (db.Database.IsNpgsql())
            {
                await db.Database.OpenConnectionAsync(ct);
                result._shared = await db.Database.BeginTransactionAsync(ct);
                DbConnection connection = db.Database.GetDbConnection();
                foreach (var context in contexts)
                {
                    context.Database.SetDbConnection(connection);
                    await context.Database.UseTransactionAsync(result._shared.GetDbTransaction(), ct);
                }

                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('platform:reorganisation'))", ct);
                return result;
            }

            result._shared = await db.Database.BeginTransactionAsync(ct);
            foreach (var context in contexts)
            {
                result._own.Add(await context.Database.BeginTransactionAsync(ct));
            }

            return result;
        }

        public async Task CommitAsync(CancellationToken ct)
        {
            foreach (var own in _own)
            {
                await own.CommitAsync(ct);
            }

            await _shared!.CommitAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var own in _own)
            {
                await own.DisposeAsync();
            }

            if (_shared is not null)
            {
                await _shared.DisposeAsync();
            }
        }
    }
}

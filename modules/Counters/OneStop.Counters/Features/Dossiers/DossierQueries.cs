using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.Calendar;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Dossiers;

internal sealed record DossierFilter(
    string? Status = null, string? ProcedureCode = null, string? Channel = null, bool? Overdue = null, string? Text = null,
    DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null, bool? AtMyUnit = null);

internal sealed record InboxCursor(DateTimeOffset Due, Guid Id);

/// <summary>Read side of dossiers: lists (newest first), the specialist's inbox (by due date), the overdue board.</summary>
internal sealed class DossierQueries(CountersDbContext db, ICurrentScope scope, TimeProvider time)
{
    /// <summary>Dossiers due within this many hours count as "sắp đến hạn".</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(24);

    public IQueryable<Dossier> Filtered(DossierFilter f)
    {
        var now = time.GetUtcNow();
        var query = db.Dossiers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            query = query.Where(d => d.Status == f.Status);
        }

        if (!string.IsNullOrWhiteSpace(f.ProcedureCode))
        {
            query = query.Where(d => d.ProcedureCode == f.ProcedureCode);
        }

        if (!string.IsNullOrWhiteSpace(f.Channel))
        {
            query = query.Where(d => d.Channel == f.Channel);
        }

        if (f.Overdue is true)
        {
            query = OverdueAt(query, now);
        }

        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var text = f.Text.Trim();
            query = query.Where(d => d.Code == text || d.ApplicantIdentity == text || d.ApplicantName.Contains(text) || d.Code.StartsWith(text));
        }

        if (f.ReceivedFrom is { } from)
        {
            var start = VietnamTime.StartOfDay(from);
            query = query.Where(d => d.SubmittedAt >= start);
        }

        if (f.ReceivedTo is { } to)
        {
            var end = VietnamTime.StartOfDay(to.AddDays(1));
            query = query.Where(d => d.SubmittedAt < end);
        }

        if (f.AtMyUnit is true)
        {
            var unitId = scope.Unit.UnitId;
            query = query.Where(d => d.CurrentUnitId == unitId && Dossier.Active.Contains(d.Status));
        }

        return query;
    }

    /// <summary>Still being handled, clock running, past due.</summary>
    public static IQueryable<Dossier> OverdueAt(IQueryable<Dossier> query, DateTimeOffset now) =>
        query.Where(d => Dossier.Active.Contains(d.Status) && d.ClockStoppedSince == null && d.DueAt != null && d.DueAt < now);

    public async Task<KeysetPage<DossierListItem>> ListAsync(DossierFilter filter, string? cursor, int? pageSize, CancellationToken ct)
    {
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = Filtered(filter);
        if (KeysetCursor.Decode<Guid?>(cursor) is { } last)
        {
            query = query.Where(d => d.Id.CompareTo(last) < 0);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(size + 1).ToListAsync(ct);
        var now = time.GetUtcNow();
        return KeysetCursor.ToPage(rows, size, d => Item(d, now), d => (Guid?)d.Id);
    }

    /// <summary>Hồ sơ được giao cho chuyên viên: soonest due first, overdue flagged.</summary>
    public async Task<KeysetPage<DossierListItem>> InboxAsync(string userName, string? cursor, int? pageSize, CancellationToken ct)
    {
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = db.Dossiers.AsNoTracking().Where(d => d.AssignedTo == userName && Dossier.Active.Contains(d.Status) && d.DueAt != null);
        if (KeysetCursor.Decode<InboxCursor>(cursor) is { } c)
        {
            query = query.Where(d => d.DueAt > c.Due || (d.DueAt == c.Due && d.Id.CompareTo(c.Id) > 0));
        }

        var rows = await query.OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(size + 1).ToListAsync(ct);
        var now = time.GetUtcNow();
        return KeysetCursor.ToPage(rows, size, d => Item(d, now), d => new InboxCursor(d.DueAt!.Value, d.Id));
    }

    public static DossierListItem Item(Dossier d, DateTimeOffset now) => new(
        d.Id, d.Code, d.ProcedureCode, d.ProcedureName, d.Channel, d.Status, DossierStatuses.NameVi(d.Status), d.ApplicantName,
        d.ReceivingUnitName, d.ResolvingUnitName, d.CurrentUnitName, d.AssignedTo, d.SubmittedAt, d.ReceivedAt, d.DueAt,
        d.IsClockStopped, d.IsOverdueAt(now),
        Dossier.Active.Contains(d.Status) && !d.IsClockStopped && d.DueAt is { } due && due >= now && due - now <= DueSoonWindow);
}

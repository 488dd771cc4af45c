using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Messaging;

/// <summary>What every leg does with its dead letters: list them a page at a time and put one back in its queue.</summary>
public static class DeadLetterQueries
{
    /// <summary>Dead letters newest first, older than <paramref name="before"/> when given (keyset).</summary>
    public static IQueryable<TMessage> DeadBefore<TMessage>(this IQueryable<TMessage> messages, Guid? before)
        where TMessage : DeliverableMessage
    {
        var dead = messages.Where(m => m.State == DeliveryStates.Dead);
        if (before is { } last)
        {
            dead = dead.Where(m => m.Id.CompareTo(last) < 0);
        }

        return dead.OrderByDescending(m => m.Id);
    }

    /// <summary>Puts the dead letter <paramref name="id"/> back in its queue; false when <paramref name="db"/> holds none.</summary>
    public static async Task<bool> RetryDeadAsync<TMessage>(this DbContext db, Guid id, CancellationToken ct)
        where TMessage : DeliverableMessage
    {
        if (await db.Set<TMessage>().FirstOrDefaultAsync(m => m.Id == id && m.State == DeliveryStates.Dead, ct) is not { } message)
        {
            return false;
        }

        message.Retry();
        await db.SaveChangesAsync(ct);
        return true;
    }
}

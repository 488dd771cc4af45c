using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace OneStop.Platform.Messaging;

/// <summary>
/// The one delivery algorithm (ADR 0017): due messages oldest first; a message goes only when it is the oldest pending
/// one of its ordering key, so a failure holds back its successors; a failure waits out an exponential backoff with
/// jitter; after the maximum attempts the message is dead-lettered and its key moves on. At least once: the receivers
/// de-duplicate (the inbox, an idempotency key). An idempotent scanner of database state, safe on several instances.
/// </summary>
public sealed class OrderedDelivery(TimeProvider clock, ILogger<OrderedDelivery> logger)
{
    /// <summary>
    /// One round over <typeparamref name="TMessage"/> in <paramref name="db"/>: <paramref name="deliver"/> returns null
    /// when the receiver took the message, else the error; each outcome is saved at once. Returns how many were delivered.
    /// </summary>
    public async Task<int> DeliverDueAsync<TMessage>(
        DbContext db, DeliveryPolicy policy, Func<TMessage, CancellationToken, Task<string?>> deliver, CancellationToken ct)
        where TMessage : DeliverableMessage
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<TMessage>()
            .Where(m => m.State == DeliveryStates.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id).Take(policy.BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        // The pending messages of the batch's keys, due or waiting out a backoff: only the oldest of a key may go.
        var keys = due.Where(m => m.OrderingKey != null).Select(m => m.OrderingKey!).Distinct().ToList();
        var queued = keys.Count == 0
            ? []
            : await db.Set<TMessage>().AsNoTracking()
                .Where(m => m.State == DeliveryStates.Pending && keys.Contains(m.OrderingKey!))
                .Select(m => new { Key = m.OrderingKey!, m.Id }).ToListAsync(ct);
        var waiting = queued.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => new SortedSet<Guid>(g.Select(m => m.Id)));
        var delivered = 0;
        foreach (var message in due)
        {
            var line = message.OrderingKey is { } key ? waiting.GetValueOrDefault(key) : null;
            if (line is not null && (line.Count == 0 || line.Min != message.Id))
            {
                continue; // an older message of this key is pending (or failed in this round)
            }

            message.Attempts++;
            string? error;
            try
            {
                error = await deliver(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message;
                logger.LogWarning(e, "Delivery of {MessageType} {MessageId} failed (attempt {Attempt})", typeof(TMessage).Name, message.Id, message.Attempts);
            }

            if (error is null)
            {
                message.State = DeliveryStates.Delivered;
                message.DeliveredAt = clock.GetUtcNow();
                message.LastError = null;
                line?.Remove(message.Id); // its successor may go in this same round
                delivered++;
            }
            else
            {
                message.LastError = error.Length > 2000 ? error[..2000] : error;
                line?.Clear(); // the key waits for this message
                if (message.Attempts >= policy.MaxAttempts)
                {
                    message.State = DeliveryStates.Dead;
                    logger.LogWarning("{MessageType} {MessageId} dead-lettered after {Attempts} attempts: {Error}", typeof(TMessage).Name, message.Id, message.Attempts, error);
                }
                else
                {
                    message.NextAttemptAt = clock.GetUtcNow() + policy.Backoff(message.Attempts, Random.Shared.NextDouble());
                }
            }

            await db.SaveChangesAsync(ct);
        }

        return delivered;
    }
}

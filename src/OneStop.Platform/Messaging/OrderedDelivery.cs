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
    public Task<int> DeliverDueAsync<TMessage>(
        DbContext db, DeliveryPolicy policy, Func<TMessage, CancellationToken, Task<string?>> deliver, CancellationToken ct)
        where TMessage : DeliverableMessage =>
        DeliverDueAsync(db, policy, deliver, null, ct);

    /// <summary>
    /// As above, but first offers <paramref name="deliverAll"/> every message of the round that could go (in id order;
    /// per key only the run of oldest pending ones). It answers per message: null when every receiver took it, the error
    /// when one failed, and nothing for a message it held back (an older one of its key failed); the outcomes are saved
    /// in one write, with the same attempts, backoff and dead letters as one at a time. When it throws, the round goes
    /// one message at a time through <paramref name="deliver"/>, which must skip what the batch already handled (the inbox does).
    /// </summary>
    public async Task<int> DeliverDueAsync<TMessage>(
        DbContext db, DeliveryPolicy policy, Func<TMessage, CancellationToken, Task<string?>> deliver,
        Func<IReadOnlyList<TMessage>, CancellationToken, Task<IReadOnlyDictionary<Guid, string?>>>? deliverAll, CancellationToken ct)
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
        if (deliverAll is not null && Deliverable(due, waiting) is { Count: > 1 } batch)
        {
            IReadOnlyDictionary<Guid, string?>? outcomes;
            try
            {
                outcomes = await deliverAll(batch, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcomes = null;
                logger.LogWarning(e, "A batch of {Count} {MessageType} failed; delivering them one at a time", batch.Count, typeof(TMessage).Name);
            }

            if (outcomes is not null)
            {
                var taken = 0;
                foreach (var message in batch)
                {
                    if (outcomes.TryGetValue(message.Id, out var error))
                    {
                        message.Attempts++;
                        taken += Record(message, error, policy) ? 1 : 0;
                    }
                }

                await db.SaveChangesAsync(ct);
                return taken; // held-back messages wait behind older ones of their keys: a later round sees them
            }
        }

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

            if (Record(message, error, policy))
            {
                line?.Remove(message.Id); // its successor may go in this same round
                delivered++;
            }
            else
            {
                line?.Clear(); // the key waits for this message
            }

            await db.SaveChangesAsync(ct);
        }

        return delivered;
    }

    /// <summary>Marks one attempt's outcome (delivered, or the error with backoff or the dead letter); true when delivered.</summary>
    private bool Record<TMessage>(TMessage message, string? error, DeliveryPolicy policy) where TMessage : DeliverableMessage
    {
        if (error is null)
        {
            message.State = DeliveryStates.Delivered;
            message.DeliveredAt = clock.GetUtcNow();
            message.LastError = null;
            return true;
        }

        message.LastError = error.Length > 2000 ? error[..2000] : error;
        if (message.Attempts >= policy.MaxAttempts)
        {
            message.State = DeliveryStates.Dead;
            logger.LogWarning("{MessageType} {MessageId} dead-lettered after {Attempts} attempts: {Error}", typeof(TMessage).Name, message.Id, message.Attempts, error);
        }
        else
        {
            message.NextAttemptAt = clock.GetUtcNow() + policy.Backoff(message.Attempts, Random.Shared.NextDouble());
        }

        return false;
    }

    /// <summary>What the one-at-a-time loop would deliver if every delivery succeeded: per key, the oldest pending messages in a row.</summary>
    private static List<TMessage> Deliverable<TMessage>(List<TMessage> due, Dictionary<string, SortedSet<Guid>> waiting)
        where TMessage : DeliverableMessage
    {
        var lines = waiting.ToDictionary(w => w.Key, w => new Queue<Guid>(w.Value));
        var batch = new List<TMessage>(due.Count);
        foreach (var message in due)
        {
            if (message.OrderingKey is not { } key)
            {
                batch.Add(message);
            }
            else if (!lines.TryGetValue(key, out var line))
            {
                batch.Add(message); // as the loop below: no line read for its key, nothing older to wait for
            }
            else if (line.TryPeek(out var oldest) && oldest == message.Id)
            {
                line.Dequeue();
                batch.Add(message);
            }
        }

        return batch;
    }
}

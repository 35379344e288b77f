using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The in-memory <see cref="IPlanChangeStore"/>: one lock makes every operation atomic, with the semantics every store
/// shares (idempotent add, compare-and-swap updates, exclusive claims of the first queued change of each instance). For
/// tests and single-process hosts.
/// </summary>
public sealed class InMemoryPlanChangeStore : IPlanChangeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, PlanChange> _changes = [];

    /// <inheritdoc />
    public Task<bool> AddAsync(PlanChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            return Task.FromResult(_changes.TryAdd(change.Id, change with { Version = 1 }));
        }
    }

    /// <inheritdoc />
    public Task<PlanChange?> GetAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_changes.TryGetValue(id, out var change) && change.Client == client ? change : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlanChange>> ListAsync(PlanChangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<PlanChange> found = _changes.Values
                .Where(c => c.Client == query.Client && c.Account == query.Account)
                .Where(c => query.Instance is null || c.Instance == query.Instance)
                .Where(c => query.States.Count == 0 || query.States.Contains(c.State))
                .OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt).ThenBy(c => c.Id)
                .ToArray();
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<PlanChange?> UpdateAsync(PlanChange updated, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        lock (_gate)
        {
            if (!_changes.TryGetValue(updated.Id, out var current) || current.Version != expectedVersion || current.Client != updated.Client)
            {
                return Task.FromResult<PlanChange?>(null);
            }

            var stored = updated with { Version = expectedVersion + 1 };
            _changes[updated.Id] = stored;
            return Task.FromResult<PlanChange?>(stored);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlanChange>> ClaimDueAsync(
        ClientNumber client, LocalDate asOf, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        lock (_gate)
        {
            // The first queued change of each instance, whatever its lease: a later change waits while an earlier one is
            // queued (held by another node, failed, or not yet claimed), so no two nodes hold changes of one instance.
            var claimed = _changes.Values
                .Where(c => c.Client == client && c.State == PlanChangeState.Queued)
                .GroupBy(c => c.Instance)
                .Select(g => g.OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt).ThenBy(c => c.Id).First())
                .Where(c => c.EffectiveDate <= asOf && (c.ClaimedBy is null || c.ClaimExpiresAt <= now))
                .OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt).ThenBy(c => c.Id)
                .Take(max)
                .Select(c => c with { ClaimedBy = owner, ClaimExpiresAt = leaseUntil, Version = c.Version + 1 })
                .ToArray();
            foreach (var change in claimed)
            {
                _changes[change.Id] = change;
            }

            return Task.FromResult<IReadOnlyList<PlanChange>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ClientNumber>> ListClientsWithDueAsync(LocalDate dueBy, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ClientNumber> clients = [.. _changes.Values
                .Where(c => c.State == PlanChangeState.Queued && c.EffectiveDate <= dueBy).Select(c => c.Client).Distinct().Order()];
            return Task.FromResult(clients);
        }
    }
}

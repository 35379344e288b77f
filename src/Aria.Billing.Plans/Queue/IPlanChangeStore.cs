using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// Where plan changes live. Every implementation has the same semantics (one conformance suite runs against all): adding is
/// idempotent on the id, updates are compare-and-swap on <see cref="PlanChange.Version"/>, and a claim gives one processor
/// a lease on due changes so that concurrent processors never take the same change.
/// </summary>
public interface IPlanChangeStore
{
    /// <summary>Adds a change with version 1; returns <see langword="false"/> (and changes nothing) when the id exists.</summary>
    Task<bool> AddAsync(PlanChange change, CancellationToken cancellationToken = default);

    /// <summary>The change with this id for this client, or <see langword="null"/>.</summary>
    Task<PlanChange?> GetAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default);

    /// <summary>The changes matching <paramref name="query"/>, by effective date, then queue time.</summary>
    Task<IReadOnlyList<PlanChange>> ListAsync(PlanChangeQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored change with <paramref name="updated"/> (version + 1) if the stored version is still
    /// <paramref name="expectedVersion"/>; returns the stored change, or <see langword="null"/> when someone else got there first.
    /// </summary>
    Task<PlanChange?> UpdateAsync(PlanChange updated, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> queued changes of <paramref name="client"/> whose effective date is on or before
    /// <paramref name="asOf"/> and that no live lease holds, for <paramref name="owner"/> until <paramref name="leaseUntil"/>;
    /// returns them by effective date, then queue time. Two concurrent claims never return the same change.
    /// </summary>
    Task<IReadOnlyList<PlanChange>> ClaimDueAsync(
        ClientNumber client, LocalDate asOf, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default);

    /// <summary>The clients that have queued changes effective on or before <paramref name="dueBy"/>, by number: whom due processing visits.</summary>
    Task<IReadOnlyList<ClientNumber>> ListClientsWithDueAsync(NodaTime.LocalDate dueBy, CancellationToken cancellationToken = default);
}

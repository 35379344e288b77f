using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// Where plan changes live. Every implementation has the same semantics (one conformance suite runs against all): adding is
/// idempotent on the id, updates are compare-and-swap on <see cref="PlanChange.Version"/>, and a claim gives one processor
/// a lease on the first due change of each plan instance so that concurrent processors never take the same change, nor
/// two changes of one instance.
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
    /// Claims, for <paramref name="owner"/> until <paramref name="leaseUntil"/>, up to <paramref name="max"/> changes of
    /// <paramref name="client"/>, each the first queued change of its plan instance (by effective date, then queue time, then
    /// id) when that change is due on or before <paramref name="asOf"/> and no live lease holds it; returns them by effective
    /// date, then queue time. A later change of an instance is never claimed while an earlier one is queued (leased, failed
    /// or not), so two concurrent claims never return the same change, nor changes of the same instance.
    /// </summary>
    Task<IReadOnlyList<PlanChange>> ClaimDueAsync(
        ClientNumber client, LocalDate asOf, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default);

    /// <summary>The clients that have queued changes effective on or before <paramref name="dueBy"/>, by number: whom due processing visits.</summary>
    Task<IReadOnlyList<ClientNumber>> ListClientsWithDueAsync(NodaTime.LocalDate dueBy, CancellationToken cancellationToken = default);
}

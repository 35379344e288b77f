namespace Aria.Billing.Plans.Queue;

/// <summary>
/// Applies a plan change in the billing system. The queue calls it at most once per claim and records the outcome; it
/// must be idempotent on <see cref="PlanChange.Id"/> (a lease that expires mid-apply can let another node retry).
/// </summary>
public interface IPlanChangeApplier
{
    /// <summary>Applies <paramref name="change"/> whole, or returns why not (nothing half-applied); <see langword="null"/> on success.</summary>
    ValueTask<AriaError?> ApplyAsync(PlanChange change, CancellationToken cancellationToken = default);
}

namespace Aria.Billing.Plans.Queue;

/// <summary>The host's view of the billing system's plan instances (the system of record).</summary>
public interface IPlanInstanceDirectory
{
    /// <summary>The plan instance, or <see langword="null"/> when it does not exist (yet).</summary>
    ValueTask<PlanInstanceSnapshot?> GetAsync(ClientNumber client, PlanInstanceNumber instance, CancellationToken cancellationToken = default);
}

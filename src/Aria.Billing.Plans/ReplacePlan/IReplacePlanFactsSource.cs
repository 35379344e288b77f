namespace Aria.Billing.Plans;

/// <summary>
/// The host's billing system, asked once per replace-plan request for everything the rules read (one round trip, or a
/// few batched ones; never one call per rule). <see cref="InMemoryReplacePlanFactsSource"/> is the in-memory implementation.
/// </summary>
/// <remarks>
/// What to return for a <see cref="ReplacePlanFactsQuery"/>:
/// <list type="bullet">
/// <item>the account named by <see cref="ReplacePlanFactsQuery.Account"/>, else by <see cref="ReplacePlanFactsQuery.ClientAccountId"/>
/// (<see langword="null"/> when none), with its currency-change obstacles;</item>
/// <item>all of its plan instances (the rules read the children, siblings and other masters of the instance replaced);</item>
/// <item>the catalog entries the query names, and those they lead to: the plans of the account's instances and their rate
/// schedules, the new plan's mandatory children and rollover plan with its schedules, the schedules' rollover targets, the
/// field definitions mapped to the new plan, the exclusion groups that hold the new plan. Returning more (the whole
/// catalog) is fine: the rules look entries up by key.</item>
/// </list>
/// An infrastructure failure is an exception; an entry that does not exist is simply absent.
/// </remarks>
public interface IReplacePlanFactsSource
{
    /// <summary>The facts for one request of <paramref name="client"/>.</summary>
    ValueTask<ReplacePlanFacts> LoadAsync(ClientNumber client, ReplacePlanFactsQuery query, CancellationToken cancellationToken = default);
}

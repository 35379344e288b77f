using Aria.Billing.Plans.Queue;
using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>
/// Validates replace-plan requests against the billing system: loads the facts a request needs from the host's
/// <see cref="IReplacePlanFactsSource"/> in one round trip, adds the instances the plan-change queue will assign (14112),
/// takes today in the client's time zone, and runs the pure <see cref="ReplacePlanValidator"/> over that snapshot.
/// </summary>
public sealed class ReplacePlanService
{
    private readonly ReplacePlanValidator _validator;
    private readonly IReplacePlanFactsSource _facts;
    private readonly ClientTimeZones _clients;
    private readonly IPlanChangeStore? _queue;

    /// <summary>A service over the host's facts.</summary>
    /// <param name="validator">The rules.</param>
    /// <param name="facts">The host's billing system.</param>
    /// <param name="clients">Each client's time zone, for today.</param>
    /// <param name="queue">The plan-change queue's store, whose queued assignments are instances that cannot be replaced yet; none to ignore the queue.</param>
    public ReplacePlanService(ReplacePlanValidator validator, IReplacePlanFactsSource facts, ClientTimeZones clients, IPlanChangeStore? queue = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(clients);
        _validator = validator;
        _facts = facts;
        _clients = clients;
        _queue = queue;
    }

    /// <summary>The snapshot <paramref name="request"/> of <paramref name="client"/> is validated against.</summary>
    /// <param name="client">The client the request is made for.</param>
    /// <param name="request">The request.</param>
    /// <param name="today">The client's today; by default from the clock in the client's time zone.</param>
    /// <param name="cancellationToken">Cancels the loads.</param>
    public async Task<ReplacePlanContext> LoadContextAsync(ClientNumber client, ReplacePlanRequest request, LocalDate? today = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = await _facts.LoadAsync(client, ReplacePlanFactsQuery.For(request), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{_facts.GetType().Name}.LoadAsync returned null; return facts with a null Account for an unknown account.");
        if (_queue is not null && facts.Account is { } account)
        {
            var queued = await _queue.ListAsync(new PlanChangeQuery(client, account.Number, null, PlanChangeState.Queued), cancellationToken).ConfigureAwait(false);
            facts = facts with
            {
                PlanInstances = facts.PlanInstances.WithQueuedAssignments(
                    queued.Where(c => c.Kind == PlanChangeKind.Assign).Select(c => KeyValuePair.Create(c.Instance, c.EffectiveDate))),
            };
        }

        return ReplacePlanContext.From(client, today ?? _clients.Today(client), facts);
    }

    /// <summary>Validates <paramref name="request"/> of <paramref name="client"/> against the billing system's facts.</summary>
    /// <param name="client">The client the request is made for.</param>
    /// <param name="request">The request.</param>
    /// <param name="today">The client's today; by default from the clock in the client's time zone.</param>
    /// <param name="cancellationToken">Cancels the loads.</param>
    public async Task<AriaResult<ValidReplacePlan>> ValidateAsync(ClientNumber client, ReplacePlanRequest request, LocalDate? today = null, CancellationToken cancellationToken = default) =>
        _validator.Validate(request, await LoadContextAsync(client, request, today, cancellationToken).ConfigureAwait(false));
}

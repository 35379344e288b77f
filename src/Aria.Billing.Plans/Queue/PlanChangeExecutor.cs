using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// Closes one change and records it in the history: applies a claimed change through the host's
/// <see cref="IPlanChangeApplier"/> and stores it as executed (or the failed attempt, the change staying queued), or stores it
/// as deleted with who, when and why. Every write is compare-and-swap on the version read, so a change is closed once.
/// </summary>
internal sealed class PlanChangeExecutor
{
    private readonly IPlanChangeStore _store;
    private readonly IPlanChangeApplier _applier;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    /// <summary>An executor over a store and the host's applier.</summary>
    public PlanChangeExecutor(IPlanChangeStore store, IPlanChangeApplier applier, IClock clock, ILogger logger)
    {
        _store = store;
        _applier = applier;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Applies <paramref name="claimed"/> and records the outcome: executed by <paramref name="actor"/>, or the attempt and
    /// its error (the lease kept when <paramref name="keepLeaseOnFailure"/>, so that a retry waits for it to end).
    /// </summary>
    /// <returns>The stored change (<see langword="null"/> when it changed meanwhile), and the error when applying failed.</returns>
    public async Task<(PlanChange? Change, AriaError? Error)> ApplyAsync(PlanChange claimed, string actor, bool keepLeaseOnFailure, CancellationToken cancellationToken)
    {
        AriaError? error;
        try
        {
            error = await _applier.ApplyAsync(claimed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = new AriaError(AriaErrorCodes.UnexpectedError, $"Applying change {claimed.Id} failed: {ex.Message}");
        }

        var now = _clock.GetCurrentInstant();
        var outcome = error is null
            ? claimed with { State = PlanChangeState.Executed, ClosedAt = now, ClosedBy = actor, Attempts = claimed.Attempts + 1, ClaimedBy = null, ClaimExpiresAt = null, LastError = null }
            : claimed with
            {
                Attempts = claimed.Attempts + 1,
                LastError = error.ToString(),
                ClaimedBy = keepLeaseOnFailure ? claimed.ClaimedBy : null,
                ClaimExpiresAt = keepLeaseOnFailure ? claimed.ClaimExpiresAt : null,
            };
        var stored = await _store.UpdateAsync(outcome, claimed.Version, cancellationToken).ConfigureAwait(false);
        (error is null ? PlansTelemetry.ChangesApplied : PlansTelemetry.ChangesFailed).Add(1, new KeyValuePair<string, object?>("kind", claimed.Kind.ToString()));
        if (error is null)
        {
            PlansLogMessages.ChangeApplied(_logger, claimed.Id, claimed.Kind, claimed.Instance, actor);
        }
        else
        {
            PlansLogMessages.ChangeFailed(_logger, claimed.Id, error.ToString());
        }

        return (stored, error);
    }

    /// <summary>Records <paramref name="change"/> (as read) deleted by <paramref name="actor"/>; <see langword="null"/> when it changed meanwhile.</summary>
    public async Task<PlanChange?> DeleteAsync(PlanChange change, string actor, string reason, CancellationToken cancellationToken)
    {
        var deleted = await _store.UpdateAsync(
            change with { State = PlanChangeState.Deleted, ClosedAt = _clock.GetCurrentInstant(), ClosedBy = actor, Reason = reason, ClaimedBy = null, ClaimExpiresAt = null },
            change.Version,
            cancellationToken).ConfigureAwait(false);
        if (deleted is not null)
        {
            PlansLogMessages.ChangeDeleted(_logger, change.Id, actor, reason);
        }

        return deleted;
    }

    /// <summary>
    /// Deletes each of <paramref name="changes"/> that is still queued when read again (another path may have closed it
    /// since it was listed); returns those deleted.
    /// </summary>
    public async Task<IReadOnlyList<PlanChange>> DeleteStillQueuedAsync(IEnumerable<PlanChange> changes, string actor, string reason, CancellationToken cancellationToken)
    {
        var deleted = new List<PlanChange>();
        foreach (var change in changes)
        {
            var fresh = await _store.GetAsync(change.Client, change.Id, cancellationToken).ConfigureAwait(false);
            if (fresh is { State: PlanChangeState.Queued } && await DeleteAsync(fresh, actor, reason, cancellationToken).ConfigureAwait(false) is { } gone)
            {
                deleted.Add(gone);
            }
        }

        return deleted;
    }
}

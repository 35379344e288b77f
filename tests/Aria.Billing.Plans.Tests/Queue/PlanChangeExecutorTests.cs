using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.Queue;

// spec: release-6.50.txt, "Future Plan Changes (DEV-6103)": View Queued Plan Changes (executed and deleted changes are kept,
// with who and when); DESIGN.md §4 "Plan-change queue" (history).
public sealed class PlanChangeExecutorTests
{
    private static readonly Instant Now = Instant.FromUtc(2025, 2, 3, 8, 0);

    private readonly InMemoryPlanChangeStore _store = new();
    private readonly QueueFixture.RecordingApplier _applier = new();
    private readonly ListLogger<PlanChangeQueue> _logger = new();
    private readonly PlanChangeExecutor _executor;

    public PlanChangeExecutorTests() => _executor = new PlanChangeExecutor(_store, _applier, new FakeClock(Now), _logger);

    private async Task<PlanChange> ClaimedAsync(string owner = "node-1")
    {
        var change = new PlanChange
        {
            Id = Guid.NewGuid(), Client = QueueFixture.Client, Account = QueueFixture.Account, Instance = new PlanInstanceNumber(10),
            Kind = PlanChangeKind.Units, Timing = PlanChangeTiming.Dated, EffectiveDate = new LocalDate(2025, 2, 3), Units = 4,
            QueuedAt = Now - Duration.FromDays(2), QueuedBy = "csr",
        };
        await _store.AddAsync(change);
        return (await _store.UpdateAsync(change with { ClaimedBy = owner, ClaimExpiresAt = Now + Duration.FromMinutes(5) }, 1))!;
    }

    [Fact]
    public async Task ApplyAsync_Applied_RecordsItExecutedByTheActor_AndReleasesTheLease()
    {
        var claimed = await ClaimedAsync();

        var (change, error) = await _executor.ApplyAsync(claimed, "csr-ann", keepLeaseOnFailure: true, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal((PlanChangeState.Executed, (Instant?)Now, "csr-ann", 1), (change!.State, change.ClosedAt, change.ClosedBy, change.Attempts));
        Assert.Null(change.ClaimedBy);
        Assert.Null(change.ClaimExpiresAt);
        Assert.Equal(change, await _store.GetAsync(QueueFixture.Client, claimed.Id));
        Assert.Equal(1, _applier.Applied[claimed.Id]);
        Assert.Contains(_logger.Entries, e => e.EventId == 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ApplyAsync_ApplierRefuses_RecordsTheAttemptAndError_StaysQueued_LeaseKeptOnlyIfAsked(bool keepLease)
    {
        var claimed = await ClaimedAsync();
        _applier.FailOnce.Add(claimed.Id);

        var (change, error) = await _executor.ApplyAsync(claimed, "system", keepLease, CancellationToken.None);

        Assert.Equal(AriaErrorCodes.UnexpectedError, error!.Code);
        Assert.Equal((PlanChangeState.Queued, 1, error.ToString()), (change!.State, change.Attempts, change.LastError));
        Assert.Equal(keepLease ? "node-1" : null, change.ClaimedBy);
        Assert.Equal(keepLease ? claimed.ClaimExpiresAt : null, change.ClaimExpiresAt);
        Assert.Contains(_logger.Entries, e => e.EventId == 2);
    }

    [Fact]
    public async Task ApplyAsync_ApplierThrows_IsRecordedAsAnUnexpectedError()
    {
        var executor = new PlanChangeExecutor(_store, new ThrowingApplier(), new FakeClock(Now), _logger);
        var claimed = await ClaimedAsync();

        var (change, error) = await executor.ApplyAsync(claimed, "system", keepLeaseOnFailure: true, CancellationToken.None);

        Assert.Equal(AriaErrorCodes.UnexpectedError, error!.Code);
        Assert.Contains("billing system down", error.Message, StringComparison.Ordinal);
        Assert.Equal(PlanChangeState.Queued, change!.State);
    }

    [Fact]
    public async Task ApplyAsync_ChangedMeanwhile_ReturnsNoStoredChange()
    {
        var claimed = await ClaimedAsync();
        await _store.UpdateAsync(claimed with { Units = 9 }, claimed.Version);

        var (change, error) = await _executor.ApplyAsync(claimed, "system", keepLeaseOnFailure: true, CancellationToken.None);

        Assert.Null(change);
        Assert.Null(error);
        Assert.Equal(PlanChangeState.Queued, (await _store.GetAsync(QueueFixture.Client, claimed.Id))!.State);
    }

    [Fact]
    public async Task DeleteAsync_RecordsWhoWhenAndWhy_AndReleasesTheLease_OnceOnly()
    {
        var claimed = await ClaimedAsync();

        var deleted = await _executor.DeleteAsync(claimed, "csr-bob", "deleted by csr-bob", CancellationToken.None);
        var again = await _executor.DeleteAsync(claimed, "csr-bob", "deleted by csr-bob", CancellationToken.None);

        Assert.Equal((PlanChangeState.Deleted, (Instant?)Now, "csr-bob", "deleted by csr-bob"), (deleted!.State, deleted.ClosedAt, deleted.ClosedBy, deleted.Reason));
        Assert.Null(deleted.ClaimedBy);
        Assert.Null(again);
        Assert.Single(_logger.Entries, e => e.EventId == 3);
    }

    [Fact]
    public async Task DeleteStillQueuedAsync_RereadsEachChange_AndSkipsThoseClosedMeanwhile()
    {
        var open = await ClaimedAsync();
        var stale = await ClaimedAsync();
        var closed = await ClaimedAsync();
        await _store.UpdateAsync(stale with { Units = 7 }, stale.Version);
        await _executor.DeleteAsync(closed, "csr", "gone", CancellationToken.None);

        var deleted = await _executor.DeleteStillQueuedAsync([open, stale, closed], "system", "voided", CancellationToken.None);

        Assert.Equal([open.Id, stale.Id], deleted.Select(c => c.Id));
        Assert.All(deleted, c => Assert.Equal(("system", "voided"), (c.ClosedBy, c.Reason)));
        Assert.Equal("gone", (await _store.GetAsync(QueueFixture.Client, closed.Id))!.Reason);
    }

    private sealed class ThrowingApplier : IPlanChangeApplier
    {
        public ValueTask<AriaError?> ApplyAsync(PlanChange change, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("billing system down");
    }
}

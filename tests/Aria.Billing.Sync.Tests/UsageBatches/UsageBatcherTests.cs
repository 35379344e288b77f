using Aria.Billing.Sync;

namespace Aria.Billing.Sync.Tests.UsageBatches;

// spec: billing-sync-reprocess.txt, "Aggregated Usage Sync" — batch counts and the error-summary drill-down.
public sealed class UsageBatcherTests
{
    private static Instant At(int hour, int minute) => Instant.FromUtc(2025, 4, 27, hour, minute);

    [Fact]
    public void Batch_Hourly_CountsCompletedErroredPendingAndDrillsDown()
    {
        AggregatedUsageRecord[] records =
        [
            new(1, At(9, 5), SyncStatus.Complete),
            new(2, At(9, 10), SyncStatus.Error, "ACCOUNT_IS_NOT_FOUND", "Account not found"),
            new(3, At(9, 59), SyncStatus.Error, "ACCOUNT_IS_NOT_FOUND", "Account not found"),
            new(4, At(9, 30), SyncStatus.Pending),
            new(5, At(10, 0), SyncStatus.Complete),
        ];

        var batches = UsageBatcher.Batch(records, AggregationFrequency.Hourly);

        Assert.Equal(2, batches.Count);
        var nine = batches[0];
        Assert.Equal((At(9, 0), At(10, 0)), (nine.Start, nine.End));
        Assert.Equal((4, 1, 2, 1), (nine.Total, nine.Completed, nine.Errored, nine.Pending));
        Assert.Equal(
            [new UsageBatchDetail("ACCOUNT_IS_NOT_FOUND", "Account not found", SyncStatus.Error, 2), new UsageBatchDetail(null, null, SyncStatus.Pending, 1)],
            nine.Details);
        Assert.False(batches[1].IsIncomplete);
        Assert.Single(UsageBatcher.Batch(records, AggregationFrequency.Hourly, incompleteOnly: true));
    }

    [Fact]
    public void Batch_DiscardedRecords_CountNowhere_AsInTheStores()
    {
        // A discarded record is final and out of the batch (the stores leave it out of the total too, see the conformance suite).
        AggregatedUsageRecord[] records =
        [
            new(1, At(9, 5), SyncStatus.Complete),
            new(2, At(9, 10), SyncStatus.Discarded, "ACCOUNT_IS_NOT_FOUND", "Account not found"),
            new(3, At(10, 10), SyncStatus.Discarded, "ACCOUNT_IS_NOT_FOUND", "Account not found"),
        ];

        var batch = Assert.Single(UsageBatcher.Batch(records, AggregationFrequency.Hourly));

        Assert.Equal((At(9, 0), 1, 1, 0, 0), (batch.Start, batch.Total, batch.Completed, batch.Errored, batch.Pending));
        Assert.Empty(batch.Details);
        Assert.Equal(1, UsageBatch.Summarize(At(9, 0), At(10, 0), records.Select(r => (r.Status, r.ErrorCode, r.ErrorMessage))).Total);
    }

    [Fact]
    public void WindowOf_CustomFrequencyAndOrigin_BoundariesAreStartInclusive()
    {
        var frequency = AggregationFrequency.Every(Duration.FromMinutes(15), At(0, 5));

        Assert.Equal((At(9, 5), At(9, 20)), frequency.WindowOf(At(9, 5)));
        Assert.Equal((At(9, 5), At(9, 20)), frequency.WindowOf(At(9, 19)));
        Assert.Equal((At(23, 50), At(0, 5).Plus(Duration.FromDays(1))), frequency.WindowOf(At(23, 59)));
        Assert.Equal((At(0, 5).Minus(Duration.FromMinutes(15)), At(0, 5)), frequency.WindowOf(At(0, 0)));
    }

    [Fact]
    public void Every_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AggregationFrequency.Every(Duration.Zero));
    }
}

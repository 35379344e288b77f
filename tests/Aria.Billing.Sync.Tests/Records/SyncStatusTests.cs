using Aria.Billing.Sync;

namespace Aria.Billing.Sync.Tests.Records;

// spec: billing-sync-reprocess.txt, "Activity Log Status Values".
public sealed class SyncStatusTests
{
    [Fact]
    public void Values_AreTheSixStatusesOfTheSpec()
    {
        Assert.Equal(
            ["COMPLETE", "DISCARDED", "ERROR", "IGNORED", "INCOMPLETE", "PENDING"],
            Enum.GetNames<SyncStatus>().Select(n => n.ToUpperInvariant()).Order(StringComparer.Ordinal));
    }
}

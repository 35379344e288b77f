using Aria.Billing.Testing;

namespace Aria.Billing.Sync.Tests.Reprocess;

public sealed class SyncLoggingTests
{
    [Fact]
    public async Task Reprocess_LogsStartAndEndWithTheCounts()
    {
        var f = new SyncFixture();
        await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        var logger = new ListLogger<SyncReprocessor>();
        var reprocessor = new SyncReprocessor(f.Store, f.Operations, f.Handler, f.Clock, logger: logger);

        await reprocessor.ReprocessAsync(SyncFixture.Client, SyncDomain.Account, SyncScope.All(), "ops");

        Assert.Equal([1, 2], logger.Entries.Select(e => e.EventId));
        Assert.Contains("started by ops", logger.Entries.First().Message, StringComparison.Ordinal);
        Assert.Contains("Completed: 1 processed, 1 succeeded, 0 failed, 0 skipped", logger.Entries.Last().Message, StringComparison.Ordinal);
    }
}

using Aria.Billing.Testing;

namespace Aria.Billing.Sync.Tests;

[CollectionDefinition(nameof(SyncTelemetryTests), DisableParallelization = true)]
public sealed class SyncTelemetryCollection;

[Collection(nameof(SyncTelemetryTests))]
public sealed class SyncTelemetryTests
{
    [Fact]
    public async Task Reprocess_CountsRecordsByOutcome_OnTheAriaBillingSyncMeter()
    {
        using var metrics = new MetricCollector(SyncTelemetry.Name);
        var f = new SyncFixture();
        await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        var broken = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        await f.Add("Account", "Update", "ACCOUNT_IS_NOT_FOUND");
        f.Handler.Override = r => r.Id == broken.Id ? SyncOutcome.Error("X", "x") : null;

        await f.Reprocessor.ReprocessAsync(SyncFixture.Client, SyncDomain.Account, SyncScope.Summary("Contact", "Create"), "ops");
        await f.Reprocessor.DiscardAsync(SyncFixture.Client, SyncDomain.Account, SyncScope.Summary("Account", "Update"), "ops");

        Assert.Equal(1, metrics.Sum("aria.billing.sync.records_reprocessed", "outcome", "complete"));
        Assert.Equal(1, metrics.Sum("aria.billing.sync.records_reprocessed", "outcome", "error"));
        Assert.Equal(1, metrics.Sum("aria.billing.sync.records_discarded"));
    }
}

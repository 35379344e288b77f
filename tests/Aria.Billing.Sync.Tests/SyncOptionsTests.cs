using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aria.Billing.Sync.Tests;

/// <summary>The options rules (declared once in <see cref="SyncOptions"/>) name the key and the bad value, and refuse exactly the values outside their bounds.</summary>
public sealed class SyncOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.Empty(SyncOptions.Rules.Check(new SyncOptions()));

    [Fact]
    public void Check_EveryBadValue_IsNamedWithItsKeyAndValue()
    {
        var failures = SyncOptions.Rules.Check(new SyncOptions { BatchSize = 50_000, RunnerId = "", OperationLease = TimeSpan.FromMilliseconds(5) });

        Assert.Equal(
        [
            "AriaBilling:Sync:BatchSize is 50000; it should be in range [1-10000].",
            "AriaBilling:Sync:RunnerId is empty; it should name this node (stable across restarts, unique among nodes).",
            "AriaBilling:Sync:OperationLease is 00:00:00.0050000; it should be in range [00:00:01-1.00:00:00].",
        ], failures);
    }

    [Fact]
    public void Check_PendingLease_IsRefusedOutsideOneSecondToOneDay()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), new SyncOptions().PendingLease);
        Assert.Equal(
            ["AriaBilling:Sync:PendingLease is 00:00:00.5000000; it should be in range [00:00:01-1.00:00:00]."],
            SyncOptions.Rules.Check(new SyncOptions { PendingLease = TimeSpan.FromMilliseconds(500) }));
        Assert.Single(SyncOptions.Rules.Check(new SyncOptions { PendingLease = TimeSpan.FromDays(2) }));
        Assert.Throws<ArgumentException>(() => new SyncLog(
            new InMemorySyncRecordStore(), new SyncHandlerMap(), new Aria.Billing.Testing.FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)), new SyncOptions { PendingLease = TimeSpan.Zero }));
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsWithTheSameWords()
    {
        var store = new InMemorySyncRecordStore();
        var error = Assert.Throws<ArgumentException>(() => new SyncReprocessor(
            store, new InMemorySyncOperationStore(), new SyncHandlerMap(), new Aria.Billing.Testing.FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)),
            new SyncOptions { BatchSize = 0 }));

        Assert.StartsWith("AriaBilling:Sync:BatchSize is 0; it should be in range [1-10000].", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Property_BatchSize_IsRefusedExactlyOutsideItsRange() =>
        Prop.ForAll(Gen.Choose(-20_000, 20_000).ToArbitrary(), size =>
            SyncOptions.Rules.Check(new SyncOptions { BatchSize = size }).Count == (size is >= 1 and <= 10_000 ? 0 : 1)).QuickCheckThrowOnFailure();

    /// <summary>A dependency order bound from configuration replaces the default list; it is not appended to it.</summary>
    [Fact]
    public void DependencyOrder_FromConfiguration_ReplacesTheDefault()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AriaBilling:Sync:DependencyOrder:0"] = "Plan",
            ["AriaBilling:Sync:DependencyOrder:1"] = "Account",
        }).Build();
        var services = new ServiceCollection();
        services.AddAriaBilling().AddSync(configuration.GetSection(SyncOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SyncOptions>>().Value;

        Assert.Equal(["Plan", "Account"], options.EffectiveDependencyOrder);
        Assert.Equal(13, new SyncOptions().EffectiveDependencyOrder.Count);
    }
}

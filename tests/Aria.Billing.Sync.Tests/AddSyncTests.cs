using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aria.Billing.Sync.Tests;

public sealed class AddSyncTests
{
    [Fact]
    public void AddSync_Twice_RegistersNothingTwice_AndNeedsAHandler()
    {
        var once = new ServiceCollection();
        once.AddAriaBilling().AddSync();
        var twice = new ServiceCollection();
        twice.AddAriaBilling().AddSync();
        twice.AddAriaBilling().AddSync();
        Assert.Equal(once.Count, twice.Count);

        using var withoutHandler = once.BuildServiceProvider();
        var ex = Assert.Throws<InvalidOperationException>(() => withoutHandler.GetRequiredService<SyncReprocessor>());
        Assert.Contains("ISyncRecordHandler", ex.Message, StringComparison.Ordinal);

        once.AddSingleton<ISyncRecordHandler>(new SyncHandlerMap());
        using var provider = once.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<SyncLog>());
        Assert.IsType<InMemorySyncRecordStore>(provider.GetRequiredService<ISyncRecordStore>());
    }

    [Fact]
    public void ValidateOnStart_BadBatchSize_FailsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddSync(o => o.BatchSize = 0);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("BatchSize", ex.Message, StringComparison.Ordinal);
    }
}

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
        Assert.IsType<InMemorySyncOperationStore>(provider.GetRequiredService<ISyncOperationStore>());
    }

    [Theory]
    [InlineData("BatchSize")]
    [InlineData("RunnerId")]
    [InlineData("OperationLease")]
    public void ValidateOnStart_BadOption_FailsNamingIt(string option)
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddSync(o =>
        {
            switch (option)
            {
                case "BatchSize": o.BatchSize = 0; break;
                case "RunnerId": o.RunnerId = " "; break;
                default: o.OperationLease = TimeSpan.FromMilliseconds(10); break;
            }
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith($"AriaBilling:Sync:{option} is ", failure, StringComparison.Ordinal);
        Assert.Contains("; it should ", failure, StringComparison.Ordinal);
    }
}

using Aria.Billing.Plans.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Aria.Billing.Jobs;
using Aria.Billing.Sync;

namespace Aria.Billing.Storage.Sqlite.Tests;

public sealed class SqliteBuilderExtensionsTests : IDisposable
{
    private readonly TempDatabase _files = new();

    /// <summary>UseSqlite puts all three stores in the file, before or after the packages register their in-memory defaults.</summary>
    [Fact]
    public async Task UseSqlite_ReplacesTheInMemoryStores_InEitherOrder_AndMigratesAtStart()
    {
        var path = _files.NewPath();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IPlanInstanceDirectory>(_ => throw new NotSupportedException());
        builder.Services.AddAriaBilling().UseSqlite(o => { o.Path = path; o.MigrateOnStart = true; }).AddSync().AddPlans().AddJobs();
        using var host = builder.Build();

        await host.StartAsync();
        var storage = host.Services.GetRequiredService<SqliteStorage>();

        Assert.Equal(SqliteStorage.LatestSchemaVersion, await storage.GetSchemaVersionAsync());
        Assert.Same(storage.SyncRecords, host.Services.GetRequiredService<ISyncRecordStore>());
        Assert.Same(storage.SyncOperations, host.Services.GetRequiredService<ISyncOperationStore>());
        Assert.Same(storage.PlanChanges, host.Services.GetRequiredService<IPlanChangeStore>());
        Assert.Same(storage.JobRuns, host.Services.GetRequiredService<IJobRunStore>());
        Assert.Equal(path, storage.DataSource);
        await host.StopAsync();
    }

    /// <summary>Bad options fail the host's start with the setting named, not the first query.</summary>
    [Fact]
    public void UseSqlite_BadOptions_FailOnStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAriaBilling().UseSqlite(o => o.BusyTimeout = TimeSpan.FromHours(1));
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.Contains("AriaBilling:Sqlite", error.Message, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose() => _files.Dispose();
}

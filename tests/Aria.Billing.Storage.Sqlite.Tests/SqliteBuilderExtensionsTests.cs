using Aria.Billing.Invoicing;
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
        builder.Services.AddAriaBilling().UseSqlite(o => { o.Path = path; o.MigrateOnStart = true; }).AddSync().AddPlans().AddJobs().AddInvoicing();
        using var host = builder.Build();

        await host.StartAsync();
        var storage = host.Services.GetRequiredService<SqliteStorage>();

        Assert.Equal(SqliteStorage.LatestSchemaVersion, await storage.GetSchemaVersionAsync());
        Assert.Same(storage.SyncRecords, host.Services.GetRequiredService<ISyncRecordStore>());
        Assert.Same(storage.SyncOperations, host.Services.GetRequiredService<ISyncOperationStore>());
        Assert.Same(storage.PlanChanges, host.Services.GetRequiredService<IPlanChangeStore>());
        Assert.Same(storage.JobRuns, host.Services.GetRequiredService<IJobRunStore>());
        Assert.Same(storage.InvoiceLedger, host.Services.GetRequiredService<IInvoiceLedgerStore>());
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

        Assert.Equal(["AriaBilling:Sqlite:BusyTimeout is 01:00:00; it should be in range [00:00:00-00:10:00]."], error.Failures);
    }

    /// <summary>The options bind from the section their messages name.</summary>
    [Fact]
    public void UseSqlite_Configuration_BindsTheSectionTheMessagesName()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["AriaBilling:Sqlite:BusyTimeout"] = "00:20:00";
        builder.Services.AddAriaBilling().UseSqlite(builder.Configuration.GetSection(Aria.Billing.Storage.Sqlite.SqliteStorageOptions.SectionName));
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.Equal(["AriaBilling:Sqlite:BusyTimeout is 00:20:00; it should be in range [00:00:00-00:10:00]."], error.Failures);
    }

    /// <inheritdoc />
    public void Dispose() => _files.Dispose();
}

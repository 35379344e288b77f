using Aria.Billing.Testing.Conformance;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;

namespace Aria.Billing.Storage.Sqlite.Tests;

// The one conformance suite (tests/Aria.Billing.Testing/Conformance), run against the SQLite store, a new file per test.

public sealed class SqliteSyncRecordStoreConformanceTests : SyncRecordStoreConformance, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override ISyncRecordStore CreateStore() => _files.NewStorage().SyncRecords;

    public void Dispose() => _files.Dispose();
}

public sealed class SqliteSyncCounterConformanceTests : SyncCounterConformance, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override ISyncRecordStore CreateStore() => _files.NewStorage().SyncRecords;

    public void Dispose() => _files.Dispose();
}

public sealed class SqliteSyncOperationStoreConformanceTests : SyncOperationStoreConformance, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override ISyncOperationStore CreateStore() => _files.NewStorage().SyncOperations;

    public void Dispose() => _files.Dispose();
}

public sealed class SqlitePlanChangeStoreConformanceTests : PlanChangeStoreConformance, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override IPlanChangeStore CreateStore() => _files.NewStorage().PlanChanges;

    public void Dispose() => _files.Dispose();
}

public sealed class SqliteJobRunStoreConformanceTests : JobRunStoreConformance, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override IJobRunStore CreateStore() => _files.NewStorage().JobRuns;

    public void Dispose() => _files.Dispose();
}

public sealed class SqliteJobScheduleStoreConformanceTests : JobScheduleStoreConformance, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override IJobScheduleStore CreateStore() => _files.NewStorage().JobSchedules;

    public void Dispose() => _files.Dispose();
}

public sealed class SqliteInvoiceLedgerStoreConformanceTests : InvoiceLedgerStoreConformance, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override IInvoiceLedgerStore CreateStore() => _files.NewStorage().InvoiceLedger;

    /// <summary>Several storages on one file, as several processes of one machine: each its own pool and writer gate, the file's lock between them.</summary>
    protected override IReadOnlyList<IInvoiceLedgerStore> CreateNodes(int count)
    {
        var path = _files.NewPath();
        return [.. Enumerable.Range(0, count).Select(_ => _files.NewStorage(path).InvoiceLedger)];
    }

    public void Dispose() => _files.Dispose();
}

public sealed class SqlitePaymentTermStoreConformanceTests : PaymentTermStoreConformance, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override IPaymentTermStore CreateStore() => _files.NewStorage().PaymentTerms;

    public void Dispose() => _files.Dispose();
}

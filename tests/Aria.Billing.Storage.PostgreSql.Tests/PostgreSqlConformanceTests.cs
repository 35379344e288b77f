using Aria.Billing.Testing.Conformance;
using Aria.Billing.Testing.Skipping;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;

namespace Aria.Billing.Storage.PostgreSql.Tests;

// The one conformance suite (tests/Aria.Billing.Testing/Conformance), run against PostgreSQL, a new schema per test.
// Without ARIA_BILLING_TEST_POSTGRES every test reports itself skipped.

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlSyncRecordStoreConformanceTests : SyncRecordStoreConformance, IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    protected override ISyncRecordStore CreateStore() => _schemas.NewStorage().SyncRecords;

    public void Dispose() => _schemas.Dispose();
}

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlSyncCounterConformanceTests : SyncCounterConformance, IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    protected override ISyncRecordStore CreateStore() => _schemas.NewStorage().SyncRecords;

    /// <summary>Each case makes a schema: fewer cases, each with four writers contending for the same counter rows.</summary>
    protected override int Cases => 15;

    public void Dispose() => _schemas.Dispose();
}

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlSyncOperationStoreConformanceTests : SyncOperationStoreConformance, IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    protected override ISyncOperationStore CreateStore() => _schemas.NewStorage().SyncOperations;

    public void Dispose() => _schemas.Dispose();
}

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlPlanChangeStoreConformanceTests : PlanChangeStoreConformance, IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    protected override IPlanChangeStore CreateStore() => _schemas.NewStorage().PlanChanges;

    public void Dispose() => _schemas.Dispose();
}

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlJobRunStoreConformanceTests : JobRunStoreConformance, IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    protected override IJobRunStore CreateStore() => _schemas.NewStorage().JobRuns;

    public void Dispose() => _schemas.Dispose();
}

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlJobScheduleStoreConformanceTests : JobScheduleStoreConformance, IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    protected override IJobScheduleStore CreateStore() => _schemas.NewStorage().JobSchedules;

    public void Dispose() => _schemas.Dispose();
}

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlInvoiceLedgerStoreConformanceTests : InvoiceLedgerStoreConformance, IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    protected override IInvoiceLedgerStore CreateStore() => _schemas.NewStorage().InvoiceLedger;

    /// <summary>Several storages on one schema, each its own connection pool: the nodes of a host.</summary>
    protected override IReadOnlyList<IInvoiceLedgerStore> CreateNodes(int count)
    {
        var schema = _schemas.NewSchema();
        return [.. Enumerable.Range(0, count).Select(_ => _schemas.NewStorage(schema).InvoiceLedger)];
    }

    public void Dispose() => _schemas.Dispose();
}

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlPaymentTermStoreConformanceTests : PaymentTermStoreConformance, IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    protected override IPaymentTermStore CreateStore() => _schemas.NewStorage().PaymentTerms;

    public void Dispose() => _schemas.Dispose();
}

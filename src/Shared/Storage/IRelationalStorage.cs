namespace Aria.Billing.Storage;

/// <summary>What both providers' storage classes offer: the six stores over one database.</summary>
internal interface IRelationalStorage
{
    ISyncRecordStore SyncRecords { get; }

    ISyncOperationStore SyncOperations { get; }

    IPlanChangeStore PlanChanges { get; }

    IJobRunStore JobRuns { get; }

    IJobScheduleStore JobSchedules { get; }

    IInvoiceLedgerStore InvoiceLedger { get; }

    SqlDatabase Database { get; }
}

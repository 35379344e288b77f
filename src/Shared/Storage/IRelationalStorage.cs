namespace Aria.Billing.Storage;

/// <summary>What both providers' storage classes offer: the stores over one database.</summary>
internal interface IRelationalStorage
{
    ISyncRecordStore SyncRecords { get; }

    ISyncOperationStore SyncOperations { get; }

    IPlanChangeStore PlanChanges { get; }

    IJobRunStore JobRuns { get; }

    IJobScheduleStore JobSchedules { get; }

    IInvoiceLedgerStore InvoiceLedger { get; }

    IPaymentTermStore PaymentTerms { get; }

    SqlDatabase Database { get; }
}

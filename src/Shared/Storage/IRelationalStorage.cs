namespace Aria.Billing.Storage;

/// <summary>What both providers' storage classes offer: the four stores over one database.</summary>
internal interface IRelationalStorage
{
    ISyncRecordStore SyncRecords { get; }

    IPlanChangeStore PlanChanges { get; }

    IJobRunStore JobRuns { get; }

    IJobScheduleStore JobSchedules { get; }

    SqlDatabase Database { get; }
}

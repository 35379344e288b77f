namespace Aria.Billing.Jobs;

/// <summary>
/// The job types of the spec (job-schedule-management.txt, "Available Jobs For a Job Schedule"). A host may define others:
/// a job type is any name a handler is registered for.
/// </summary>
public static class JobTypes
{
    /// <summary>Bill-time usage rating.</summary>
    public const string UsageRating = "usage-rating";

    /// <summary>Synchronise monetised transactions to the billing system.</summary>
    public const string SyncTransactions = "sync-transactions";

    /// <summary>Billing.</summary>
    public const string Billing = "billing";

    /// <summary>Suspense reprocessing.</summary>
    public const string SuspenseReprocessing = "suspense-reprocessing";

    /// <summary>Sync-error reprocessing.</summary>
    public const string SyncErrorReprocessing = "sync-error-reprocessing";

    /// <summary>Rerating.</summary>
    public const string Rerating = "rerating";

    /// <summary>The recommended daily order: rating, then sync transactions, then billing.</summary>
    public static IReadOnlyList<string> RecommendedDailyOrder { get; } = [UsageRating, SyncTransactions, Billing];
}

namespace Aria.Billing.ReferenceHost.Security;

/// <summary>The modules a role grants access to (spec: release-6.50.txt, "Precise Access Control for Creating a Role").</summary>
public enum HostModule
{
    /// <summary>The sync activity log: search, summaries, ingest, reprocess, discard.</summary>
    Sync,

    /// <summary>The plan-change queue and the plan previews.</summary>
    Plans,

    /// <summary>Job schedules, runs and the audit log.</summary>
    Jobs,

    /// <summary>The invoice ledger: imported invoices, credit memos, rebills, voids and the invoice history.</summary>
    Invoicing,
}

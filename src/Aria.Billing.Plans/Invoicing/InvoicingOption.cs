namespace Aria.Billing.Plans;

/// <summary>
/// The <c>invoicing_option</c> of a retroactive supplemental plan start (spec: release-6.50.txt, DEV-7187): how the
/// catch-up for previous bill cycles is billed.
/// </summary>
public enum InvoicingOption
{
    /// <summary>1: a single consolidated catch-up bill.</summary>
    Consolidated = 1,

    /// <summary>2: individual bills, one per billing period.</summary>
    Individual = 2,
}

namespace Aria.Billing.Plans;

/// <summary>The <c>combine_invoices</c> input (spec: release-6.50.txt, Combine Invoices on One Bill - API, DEV-7038).</summary>
public enum CombineInvoices
{
    /// <summary>1: combine invoices (long cycle): one invoice covering every period due.</summary>
    LongCycle = 1,

    /// <summary>2: do not combine (short cycle): one invoice per period.</summary>
    ShortCycle = 2,

    /// <summary>3: use the client's "Combine Invoices" setting.</summary>
    ClientDefault = 3,
}

namespace Aria.Billing.Invoicing;

/// <summary>Whether an invoice line is a charge or the tax on charges.</summary>
public enum InvoiceLineKind
{
    /// <summary>A charge for a service: credit memos and rebills work on these.</summary>
    Charge = 0,

    /// <summary>Tax; credited only through the tax calculator, never rebilled.</summary>
    Tax = 1,
}

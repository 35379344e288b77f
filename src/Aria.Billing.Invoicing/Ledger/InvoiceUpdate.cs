namespace Aria.Billing.Invoicing;

/// <summary>An invoice as it should be written, if the ledger still holds <paramref name="ExpectedVersion"/> of it.</summary>
/// <param name="Invoice">The invoice's new state.</param>
/// <param name="ExpectedVersion">The version read before the change.</param>
public sealed record InvoiceUpdate(Invoice Invoice, long ExpectedVersion);

using Microsoft.Extensions.Logging;

namespace Aria.Billing.Invoicing;

/// <summary>The package's log events.</summary>
internal static partial class InvoicingLogMessages
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Credit memo {Number} of {Total} on invoice {InvoiceNo} of client {Client} saved by {Actor}")]
    public static partial void CreditMemoSaved(ILogger logger, string number, string total, long invoiceNo, long client, string actor);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Credit memo {Number} on invoice {InvoiceNo} of client {Client} voided by {Actor}")]
    public static partial void CreditMemoVoided(ILogger logger, string number, long invoiceNo, long client, string actor);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Invoice {InvoiceNo} of client {Client} rebilled as invoice {RebillInvoiceNo} ({RebillNumber}) by {Actor}")]
    public static partial void Rebilled(ILogger logger, long invoiceNo, long client, long rebillInvoiceNo, string? rebillNumber, string actor);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Invoice {InvoiceNo} of client {Client} voided by {Actor}")]
    public static partial void InvoiceVoided(ILogger logger, long invoiceNo, long client, string actor);
}

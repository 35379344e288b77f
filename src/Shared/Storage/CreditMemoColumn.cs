namespace Aria.Billing.Storage;

/// <summary>The columns of <c>credit_memo</c> a row is read from, in SELECT order: each value is the column's ordinal.</summary>
internal enum CreditMemoColumn
{
    Id,
    Client,
    AccountNo,
    InvoiceNo,
    Currency,
    MinorUnits,
    Number,
    Sequence,
    ReasonCode,
    Comment,
    Lines,
    CreatedAt,
    CreatedBy,
    State,
    VoidedAt,
    VoidedBy,
    RebillInvoiceNo,
    Version,
}

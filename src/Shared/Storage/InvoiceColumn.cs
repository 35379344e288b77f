namespace Aria.Billing.Storage;

/// <summary>The columns of <c>invoice</c> a row is read from, in SELECT order: each value is the column's ordinal.</summary>
internal enum InvoiceColumn
{
    Client,
    AccountNo,
    InvoiceNo,
    Currency,
    MinorUnits,
    BillDate,
    InvoiceDate,
    DueDate,
    PeriodStart,
    PeriodEnd,
    BillingGroup,
    MasterPlanInstances,
    State,
    DisputedAmount,
    HasRefundReversal,
    IsParentPayChild,
    PaymentMethod,
    Lines,
    OriginalInvoiceNo,
    RebillNumber,
    RebillReasonCode,
    RebilledBy,
    RebillVoided,
    Version,
}

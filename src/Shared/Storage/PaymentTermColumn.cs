namespace Aria.Billing.Storage;

/// <summary>The columns of <c>payment_term</c> a row is read from, in SELECT order: each value is the column's ordinal.</summary>
internal enum PaymentTermColumn
{
    Client,
    TermNo,
    Name,
    ClientId,
    TermsType,
    DaysUntilDue,
    DaysUntilDueMethod,
    BillLagDays,
    SurchargeNo,
    AutoBillOrders,
    RemindersEnabled,
    RemindersActiveOnly,
    ReminderRows,
    EverAssigned,
    Version,
}

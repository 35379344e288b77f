using System.Data.Common;
using NodaTime;

namespace Aria.Billing.Storage;

using C = InvoiceColumn;
using M = CreditMemoColumn;

/// <summary>
/// How an <see cref="Invoice"/> and a <see cref="CreditMemo"/> map to rows: a column for every field that is filtered,
/// ordered or read on its own; the lines (with their amounts and currencies) and the plan instances as JSON.
/// </summary>
internal static class InvoiceLedgerRows
{
    /// <summary>Every column of <c>invoice</c>, in the order <see cref="ReadInvoice"/> expects and the insert binds.</summary>
    internal static readonly string InvoiceColumns = SqlCommands.ColumnList<InvoiceColumn>();

    /// <summary>Every column of <c>credit_memo</c>, in the order <see cref="ReadCreditMemo"/> expects and the insert binds.</summary>
    internal static readonly string CreditMemoColumns = SqlCommands.ColumnList<CreditMemoColumn>();

    /// <summary>The invoice in the current row.</summary>
    internal static Invoice ReadInvoice(DbDataReader r) => new()
    {
        Client = new ClientNumber(r.GetInt64((int)C.Client)),
        Account = new AccountNumber(r.GetInt64((int)C.AccountNo)),
        InvoiceNo = r.GetInt64((int)C.InvoiceNo),
        Currency = StorageJson.CurrencyOf(r.GetString((int)C.Currency), r.GetInt32((int)C.MinorUnits)),
        BillDate = SqlCommands.Date(r.GetInt32((int)C.BillDate)),
        InvoiceDate = DateOrNull(r, (int)C.InvoiceDate),
        DueDate = DateOrNull(r, (int)C.DueDate),
        PeriodStart = SqlCommands.Date(r.GetInt32((int)C.PeriodStart)),
        PeriodEnd = SqlCommands.Date(r.GetInt32((int)C.PeriodEnd)),
        BillingGroup = r.GetStringOrNull((int)C.BillingGroup),
        MasterPlanInstances = [.. StorageJson.Longs(r.GetString((int)C.MasterPlanInstances)).Select(i => new PlanInstanceNumber(i))],
        State = (InvoiceState)r.GetInt32((int)C.State),
        DisputedAmount = r.GetDecimal((int)C.DisputedAmount),
        HasRefundReversal = r.GetInt32((int)C.HasRefundReversal) != 0,
        IsParentPayChild = r.GetInt32((int)C.IsParentPayChild) != 0,
        PaymentMethod = r.GetStringOrNull((int)C.PaymentMethod),
        Lines = StorageJson.InvoiceLines(r.GetString((int)C.Lines)),
        OriginalInvoiceNo = r.GetInt64OrNull((int)C.OriginalInvoiceNo),
        RebillNumber = r.GetStringOrNull((int)C.RebillNumber),
        RebillReasonCode = r.GetStringOrNull((int)C.RebillReasonCode),
        RebilledBy = r.GetInt64OrNull((int)C.RebilledBy),
        RebillVoided = r.GetInt32((int)C.RebillVoided) != 0,
        Version = r.GetInt64((int)C.Version),
    };

    /// <summary>Binds every column of <paramref name="i"/> (the version as given).</summary>
    internal static DbCommand WithInvoice(this DbCommand command, Invoice i) => command
        .With("client", i.Client.Value)
        .With("account_no", i.Account.Value)
        .With("invoice_no", i.InvoiceNo)
        .With("currency", Code(i.Currency, nameof(Invoice)))
        .With("minor_units", i.Currency.MinorUnits)
        .With("bill_date", SqlCommands.Day(i.BillDate))
        .With("invoice_date", Day(i.InvoiceDate))
        .With("due_date", Day(i.DueDate))
        .With("period_start", SqlCommands.Day(i.PeriodStart))
        .With("period_end", SqlCommands.Day(i.PeriodEnd))
        .With("billing_group", i.BillingGroup)
        .With("master_plan_instances", StorageJson.Longs([.. i.MasterPlanInstances.Select(p => p.Value)]))
        .With("state", (int)i.State)
        .With("disputed_amount", i.DisputedAmount)
        .With("has_refund_reversal", i.HasRefundReversal ? 1 : 0)
        .With("is_parent_pay_child", i.IsParentPayChild ? 1 : 0)
        .With("payment_method", i.PaymentMethod)
        .With("lines", StorageJson.InvoiceLines(i.Lines))
        .With("original_invoice_no", i.OriginalInvoiceNo)
        .With("rebill_number", i.RebillNumber)
        .With("rebill_reason_code", i.RebillReasonCode)
        .With("rebilled_by", i.RebilledBy)
        .With("rebill_voided", i.RebillVoided ? 1 : 0)
        .With("version", i.Version);

    /// <summary>The credit memo in the current row.</summary>
    internal static CreditMemo ReadCreditMemo(DbDataReader r)
    {
        var (lines, removed) = StorageJson.CreditMemoBody(r.GetString((int)M.Lines));
        return new()
        {
            Id = r.GetGuid((int)M.Id),
            Client = new ClientNumber(r.GetInt64((int)M.Client)),
            Account = new AccountNumber(r.GetInt64((int)M.AccountNo)),
            InvoiceNo = r.GetInt64((int)M.InvoiceNo),
            Currency = StorageJson.CurrencyOf(r.GetString((int)M.Currency), r.GetInt32((int)M.MinorUnits)),
            Number = r.GetString((int)M.Number),
            Sequence = r.GetInt64((int)M.Sequence),
            ReasonCode = r.GetString((int)M.ReasonCode),
            Comment = r.GetString((int)M.Comment),
            Lines = lines,
            Removed = removed,
            CreatedAt = r.GetInstant((int)M.CreatedAt),
            CreatedBy = r.GetString((int)M.CreatedBy),
            State = (CreditMemoState)r.GetInt32((int)M.State),
            VoidedAt = r.GetInstantOrNull((int)M.VoidedAt),
            VoidedBy = r.GetStringOrNull((int)M.VoidedBy),
            RebillInvoiceNo = r.GetInt64OrNull((int)M.RebillInvoiceNo),
            Version = r.GetInt64((int)M.Version),
        };
    }

    /// <summary>Binds every column of <paramref name="m"/> (the version as given).</summary>
    internal static DbCommand WithCreditMemo(this DbCommand command, CreditMemo m) => command
        .With("id", m.Id)
        .With("client", m.Client.Value)
        .With("account_no", m.Account.Value)
        .With("invoice_no", m.InvoiceNo)
        .With("currency", Code(m.Currency, nameof(CreditMemo)))
        .With("minor_units", m.Currency.MinorUnits)
        .With("number", m.Number)
        .With("sequence", m.Sequence)
        .With("reason_code", m.ReasonCode)
        .With("comment", m.Comment)
        .With("lines", StorageJson.CreditMemoBody(m))
        .With("created_at", SqlCommands.Ticks(m.CreatedAt))
        .With("created_by", m.CreatedBy)
        .With("state", (int)m.State)
        .With("voided_at", SqlCommands.Ticks(m.VoidedAt))
        .With("voided_by", m.VoidedBy)
        .With("rebill_invoice_no", m.RebillInvoiceNo)
        .With("version", m.Version);

    private static LocalDate? DateOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : SqlCommands.Date(r.GetInt32(ordinal));

    private static int? Day(LocalDate? date) => date is { } d ? SqlCommands.Day(d) : null;

    /// <summary>A document's currency code; a default <see cref="Currency"/> is the caller's mistake, refused before anything is written.</summary>
    private static string Code(Currency currency, string document) =>
        currency.Code ?? throw new ArgumentException($"The {document}'s Currency is the default value; use Currency.FromCode, TryFromCode or a named currency.", nameof(currency));
}

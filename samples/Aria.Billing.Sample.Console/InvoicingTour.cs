using System.Globalization;
using Aria.Billing.Client;
using Aria.Billing.Invoicing;
using NodaTime;

namespace Aria.Billing.Sample;

/// <summary>
/// The tour's chapter on credit memos and rebills (spec: release-6.50.txt, Credit Memo/Rebills): a disputed invoice
/// credited and the memo voided, another invoice rebilled at a lower rate with the credit memo for the difference, and the
/// account's history by <c>rb_option</c>. The same chapter runs in process over the packages' services and through the
/// reference host over <see cref="AriaBillingClient"/>, which take and return the same types. Every step is safe to run
/// again on a ledger that kept an earlier run: imports refresh, the memo has an idempotency key, and a rebill already made
/// is reported as such.
/// </summary>
internal static class InvoicingTour
{
    private static readonly AccountNumber Account = new(42);
    private static readonly PlanInstanceNumber Instance = new(7);

    /// <summary>The disputed invoice's credit memo: one key, so that a second run finds the memo of the first.</summary>
    private static readonly Guid MemoKey = new("2f1f7c5e-6a51-4c57-9d38-948000009001");

    /// <summary>Runs the chapter; false when a step was refused for a reason the tour does not expect.</summary>
    /// <param name="calls">The packages in process, or the reference host.</param>
    /// <param name="output">Where the tour prints.</param>
    /// <param name="number">The chapter's number.</param>
    /// <param name="client">The client the invoices belong to.</param>
    /// <param name="ledger">Where the ledger keeps its documents, as the tour says it.</param>
    public static async Task<bool> RunAsync(IInvoicingCalls calls, TextWriter output, int number, ClientNumber client, string ledger)
    {
        output.WriteLine($"{number}. Credit memos and rebills — account {Account}'s March 2025 invoices (reason codes CM-ERR for credit memos, RB-RATE for rebills)");
        output.WriteLine($"   ledger: {ledger}");

        // A disputed invoice that is still open (the dispute does not cover the balance) can take a credit memo.
        var disputed = Invoice(client, 9001, disputedAmount: 50m,
            Charge(1, "Gold plan", 120m, paid: 20m, taxRate: 0.1m), Charge(2, "Storage GB", 30m, type: ChargeType.Usage, units: 300m), Tax(3, 12m, taxes: 1));
        if (!Step(output, await calls.ImportAsync(disputed), out var imported))
        {
            return false;
        }

        output.WriteLine($"   invoice {imported.InvoiceNo} {(imported.Version == 1 ? "imported" : "imported again (refreshed; the ledger kept its adjustments)")}: " +
            $"total {imported.Total}, balance {imported.Balance}, disputed {Amount(imported.DisputedAmount)} — open, so it can be credited");
        if (!Step(output, await calls.CreditableLinesAsync(imported.InvoiceNo), out var creditable))
        {
            return false;
        }

        output.WriteLine($"   creditable lines: {string.Join(", ", creditable.Select(l => $"line {l.Line.LineNo} {l.Line.ServiceName} up to {l.Maximum}"))}");
        if (!Step(output, await calls.CreditAsync(imported.InvoiceNo, "CM-ERR", "billed twice for March", [new CreditMemoLineRequest(1, 50m, "duplicate charge")], MemoKey), out var credited))
        {
            return false;
        }

        var memo = credited.Memo;
        var removed = memo.Removed.Aggregate(Money.Zero(memo.Currency), (sum, r) => sum + r.Total);
        output.WriteLine($"   credit memo {memo.Number}: {memo.Amount} on line 1 + {memo.Tax} tax = {memo.Total} (\"{memo.Comment}\"); {removed} of payments taken off the line" +
            (memo.State == CreditMemoState.Voided ? $" — kept from an earlier run, voided by {memo.VoidedBy}" : ""));
        output.WriteLine($"     event {credited.Notice.EventNo} (credit memo) → {Recipient(credited.Notice)}");

        var voided = await calls.VoidMemoAsync(memo.Number);
        if (voided.HasError(InvoicingErrorCodes.CreditMemoAlreadyVoided))
        {
            output.WriteLine($"   void {memo.Number}: already voided in an earlier run (CREDIT_MEMO_ALREADY_VOIDED) — nothing voided twice");
        }
        else if (Step(output, voided, out var voidReceipt))
        {
            output.WriteLine($"   void {memo.Number}: event {voidReceipt.Notice.EventNo} (credit memo voided) → {Recipient(voidReceipt.Notice)}; " +
                $"line 1 carries {voidReceipt.Invoice.FindLine(1)!.CreditMemosApplied} of credit memos again, balance {voidReceipt.Invoice.Balance}");
        }
        else
        {
            return false;
        }

        // Another invoice, rebilled at the contract rate: the rebill and the credit memo for the difference, saved together.
        var overcharged = Invoice(client, 9002, disputedAmount: 0m, Charge(1, "Gold plan", 100m, taxRate: 0.1m), Tax(2, 10m, taxes: 1));
        if (!Step(output, await calls.ImportAsync(overcharged), out var original))
        {
            return false;
        }

        output.WriteLine($"   invoice {original.InvoiceNo} {(original.Version == 1 ? "imported" : "imported again")}: total {original.Total} — line 1 billed at 100.00 instead of the contract's 80.00");
        var rebilled = await calls.RebillAsync(original.InvoiceNo, "RB-RATE", "contract rate", [new RebillLineRequest { LineNo = 1, Rate = 80m, Comment = "rate per contract" }]);
        if (rebilled.HasError(InvoicingErrorCodes.InvoiceAlreadyRebilled))
        {
            if (!Step(output, await calls.GetAsync(original.InvoiceNo), out var kept) || kept.RebilledBy is not { } rebillNo
                || !Step(output, await calls.GetAsync(rebillNo), out var rebill) || !Step(output, await calls.MemosAsync(original.InvoiceNo), out var memos))
            {
                return false;
            }

            var difference = memos.FirstOrDefault(m => m.RebillInvoiceNo == rebillNo);
            output.WriteLine($"   rebill: already made in an earlier run (INVOICE_ALREADY_REBILLED, nothing rebilled twice) — rebill invoice {rebill.InvoiceNo}, {rebill.RebillNumber}, total {rebill.Total}");
            if (difference is not null)
            {
                output.WriteLine($"     its credit memo for the difference: {difference.Number}, {difference.Amount} + {difference.Tax} tax");
            }
        }
        else if (Step(output, rebilled, out var receipt))
        {
            var rebill = receipt.Rebill;
            output.WriteLine($"   rebill: invoice {rebill.InvoiceNo}, {rebill.RebillNumber} (rb_flag 1, orig_invoice_no {rebill.OriginalInvoiceNo}), line 1 at {rebill.Lines[0].Amount} " +
                $"(\"{rebill.Lines[0].Comment}\"), total {rebill.Total}, due {rebill.DueDate:uuuu-MM-dd}");
            if (receipt.CreditMemo is { } difference)
            {
                output.WriteLine($"     the credit memo for the difference: {difference.Number}, {difference.Amount} + {difference.Tax} tax = {difference.Total} on invoice {difference.InvoiceNo}");
            }

            foreach (var notice in receipt.Notices)
            {
                output.WriteLine($"     {(notice.EventNo is { } e ? $"event {e} ({Words(notice.Kind)})" : Words(notice.Kind))} notice → {Recipient(notice)}");
            }
        }
        else
        {
            return false;
        }

        output.WriteLine($"   invoice history of account {Account} (get_invoice_history_m):");
        foreach (var (option, title) in new[] { (RebillOption.All, "all"), (RebillOption.OriginalsOnly, "originals only"), (RebillOption.RebillsOnly, "rebills only") })
        {
            if (!Step(output, await calls.HistoryAsync(Account.Value, option), out var history))
            {
                return false;
            }

            output.WriteLine($"     rb_option {(int)option} ({title}): {string.Join(", ", history.Select(Describe))}");
        }

        output.WriteLine();
        return true;
    }

    private static bool Step<T>(TextWriter output, AriaResult<T> result, out T value)
    {
        if (result.TryGetValue(out value!))
        {
            return true;
        }

        foreach (var error in result.Errors)
        {
            output.WriteLine($"   refused: {error}");
        }

        return false;
    }

    private static string Describe(Invoice invoice) =>
        $"{invoice.InvoiceNo}" + (invoice.IsRebill ? $" (rebill {invoice.RebillNumber} of {invoice.OriginalInvoiceNo})" : invoice.IsRebilled ? $" (rebilled by {invoice.RebilledBy})" : "")
        + (invoice.State == InvoiceState.Posted ? "" : $" [{invoice.State.ToString().ToLowerInvariant()}]");

    private static string Recipient(Notice notice) =>
        (notice.To is null ? "nobody (no contact with valid information)" : notice.RecipientRole is { } role ? $"{role.ToString().ToLowerInvariant()} contact {notice.To}" : notice.To)
        + (notice.Cc.Count > 0 ? $" (cc {string.Join(", ", notice.Cc)})" : "");

    private static string Words(NoticeKind kind) => kind switch
    {
        NoticeKind.CreditMemo => "credit memo",
        NoticeKind.CreditMemoVoided => "credit memo voided",
        _ => "rebill",
    };

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static Invoice Invoice(ClientNumber client, long invoiceNo, decimal disputedAmount, params InvoiceLine[] lines) => new()
    {
        Client = client, Account = Account, InvoiceNo = invoiceNo, Currency = Currency.USD, BillDate = new LocalDate(2025, 3, 1),
        DueDate = new LocalDate(2025, 3, 31), PeriodStart = new LocalDate(2025, 3, 1), PeriodEnd = new LocalDate(2025, 4, 1), BillingGroup = "BG-1",
        MasterPlanInstances = [Instance], PaymentMethod = "card-1", DisputedAmount = disputedAmount, Lines = lines,
    };

    private static InvoiceLine Charge(int lineNo, string service, decimal amount, decimal paid = 0m, decimal taxRate = 0m, ChargeType type = ChargeType.Recurring, decimal units = 1m) => new()
    {
        LineNo = lineNo, Kind = InvoiceLineKind.Charge, ChargeType = type, ServiceNo = 100 + lineNo, ServiceName = service, PlanInstance = Instance,
        Units = units, Rate = amount / units, Amount = Money.Of(amount, Currency.USD), TaxRate = taxRate, PaymentsApplied = Money.Of(paid, Currency.USD),
    };

    private static InvoiceLine Tax(int lineNo, decimal amount, int taxes) => new()
    {
        LineNo = lineNo, Kind = InvoiceLineKind.Tax, ServiceName = "Tax", Units = 1, Rate = amount, Amount = Money.Of(amount, Currency.USD), TaxedLineNo = taxes,
    };
}

/// <summary>What the invoicing chapter calls: the packages' services in process, or the reference host through the typed client.</summary>
internal interface IInvoicingCalls
{
    /// <summary>Imports (or refreshes) an invoice.</summary>
    Task<AriaResult<Invoice>> ImportAsync(Invoice invoice);

    /// <summary>An invoice.</summary>
    Task<AriaResult<Invoice>> GetAsync(long invoiceNo);

    /// <summary>The lines a credit memo may credit.</summary>
    Task<AriaResult<IReadOnlyList<CreditableLine>>> CreditableLinesAsync(long invoiceNo);

    /// <summary>Makes a credit memo, or returns the one made earlier with <paramref name="key"/>.</summary>
    Task<AriaResult<CreditMemoReceipt>> CreditAsync(long invoiceNo, string reasonCode, string comment, IReadOnlyList<CreditMemoLineRequest> lines, Guid key);

    /// <summary>The credit memos of an invoice.</summary>
    Task<AriaResult<IReadOnlyList<CreditMemo>>> MemosAsync(long invoiceNo);

    /// <summary>Voids a credit memo.</summary>
    Task<AriaResult<CreditMemoReceipt>> VoidMemoAsync(string number);

    /// <summary>Rebills an invoice.</summary>
    Task<AriaResult<RebillReceipt>> RebillAsync(long invoiceNo, string reasonCode, string comment, IReadOnlyList<RebillLineRequest> lines);

    /// <summary>An account's invoice history by <c>rb_option</c>.</summary>
    Task<AriaResult<IReadOnlyList<Invoice>>> HistoryAsync(long accountNo, RebillOption option);
}

/// <summary>The chapter in process: the services <c>AddInvoicing()</c> registers, over the tour's ledger store.</summary>
internal sealed class LocalInvoicing(InvoiceLedger ledger, CreditMemoService memos, RebillService rebills, IInvoiceLedgerStore store) : IInvoicingCalls
{
    private static readonly ClientNumber Client = new(1000);
    private const string Actor = "csr-ann";

    public Task<AriaResult<Invoice>> ImportAsync(Invoice invoice) => ledger.ImportAsync(invoice);

    public Task<AriaResult<Invoice>> GetAsync(long invoiceNo) => ledger.GetAsync(Client, invoiceNo);

    public Task<AriaResult<IReadOnlyList<CreditableLine>>> CreditableLinesAsync(long invoiceNo) => memos.GetCreditableLinesAsync(Client, invoiceNo);

    public Task<AriaResult<CreditMemoReceipt>> CreditAsync(long invoiceNo, string reasonCode, string comment, IReadOnlyList<CreditMemoLineRequest> lines, Guid key) =>
        memos.CreateAsync(new CreditMemoRequest { Id = key, Client = Client, InvoiceNo = invoiceNo, ReasonCode = reasonCode, Comment = comment, Lines = lines, RequestedBy = Actor });

    public async Task<AriaResult<IReadOnlyList<CreditMemo>>> MemosAsync(long invoiceNo) => AriaResult.Success(await store.ListCreditMemosAsync(Client, invoiceNo));

    public Task<AriaResult<CreditMemoReceipt>> VoidMemoAsync(string number) => memos.VoidAsync(Client, number, Actor);

    public Task<AriaResult<RebillReceipt>> RebillAsync(long invoiceNo, string reasonCode, string comment, IReadOnlyList<RebillLineRequest> lines) =>
        rebills.RebillAsync(new RebillRequest { Client = Client, InvoiceNo = invoiceNo, ReasonCode = reasonCode, Comment = comment, Lines = lines, RequestedBy = Actor });

    public async Task<AriaResult<IReadOnlyList<Invoice>>> HistoryAsync(long accountNo, RebillOption option) =>
        AriaResult.Success(await ledger.HistoryAsync(Client, new AccountNumber(accountNo), option));
}

/// <summary>The chapter through the reference host: the typed client's invoicing calls.</summary>
internal sealed class RemoteInvoicing(AriaBillingClient client) : IInvoicingCalls
{
    public Task<AriaResult<Invoice>> ImportAsync(Invoice invoice) => client.ImportInvoiceAsync(invoice);

    public Task<AriaResult<Invoice>> GetAsync(long invoiceNo) => client.GetInvoiceAsync(invoiceNo);

    public Task<AriaResult<IReadOnlyList<CreditableLine>>> CreditableLinesAsync(long invoiceNo) => client.GetCreditableLinesAsync(invoiceNo);

    public Task<AriaResult<CreditMemoReceipt>> CreditAsync(long invoiceNo, string reasonCode, string comment, IReadOnlyList<CreditMemoLineRequest> lines, Guid key) =>
        client.CreateCreditMemoAsync(invoiceNo, reasonCode, comment, lines, key);

    public Task<AriaResult<IReadOnlyList<CreditMemo>>> MemosAsync(long invoiceNo) => client.GetCreditMemosAsync(invoiceNo);

    public Task<AriaResult<CreditMemoReceipt>> VoidMemoAsync(string number) => client.VoidCreditMemoAsync(number);

    public Task<AriaResult<RebillReceipt>> RebillAsync(long invoiceNo, string reasonCode, string comment, IReadOnlyList<RebillLineRequest> lines) =>
        client.RebillAsync(invoiceNo, reasonCode, comment, lines);

    public Task<AriaResult<IReadOnlyList<Invoice>>> HistoryAsync(long accountNo, RebillOption option) => client.GetInvoiceHistoryAsync(accountNo, option);
}

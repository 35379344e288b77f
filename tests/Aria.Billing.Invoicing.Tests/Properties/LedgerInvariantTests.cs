using Aria.Billing.Invoicing;
using Aria.Billing.Testing;
using Aria.Billing.Testing.Invoicing;
using static Aria.Billing.Testing.Invoicing.InvoiceSamples;

namespace Aria.Billing.Invoicing.Tests.Properties;

// spec: release-6.50.txt, Credit Memo/Rebills (DEV-6906) — over random invoices and random sequences of memo, void and
// rebill: no line is ever credited beyond its amount, no balance is negative, the ledger's memo totals are its memos,
// rebill plus its credit memo equal the original on every line, no voided invoice keeps an active memo, and the credit
// memo numbers are consecutive from the sequence's start.
public sealed class LedgerInvariantTests
{
    private const long Start = 700;

    /// <summary>One step of a random history.</summary>
    /// <param name="Kind">0 memo, 1 void a memo, 2 rebill, 3 void an invoice.</param>
    /// <param name="Pick">Which invoice, line or memo (modulo what exists).</param>
    /// <param name="Factor">A fraction of what is creditable (may be above 1, to try to over-credit) or of the rate.</param>
    private sealed record Step(int Kind, int Pick, int Pick2, decimal Factor);

    private static readonly Gen<Currency> Currencies = Gen.Elements(Currency.USD, Currency.JPY, Currency.BHD, Currency.EUR);

    private static Gen<Invoice> InvoiceGen(long no) =>
        from currency in Currencies
        from count in Gen.Choose(1, 4)
        from lines in Gen.ListOf(LineGen(currency), count)
        from invoiceTax in Gen.Elements(true, false)
        from dispute in Gen.Frequency((4, Gen.Constant(0m)), (1, Gen.Choose(1, 500).Select(d => (decimal)d)))
        select Build(no, currency, [.. lines], invoiceTax, dispute);

    private static Gen<(decimal Amount, decimal Paid, decimal Credited, decimal TaxRate, bool LinkedTax, ChargeType Type)> LineGen(Currency currency) =>
        from amount in Gen.Choose(1, 200_000).Select(n => currency.Round(n * currency.MinorUnit * 7))
        from paidShare in Gen.Choose(0, 100)
        from creditShare in Gen.Choose(0, 100)
        from rate in Gen.Elements(0m, 0.05m, 0.08m, 0.2m, 0.333m)
        from linked in Gen.Elements(true, false)
        from type in Gen.Elements(ChargeType.Recurring, ChargeType.Usage, ChargeType.Activation)
        let paid = Math.Min(amount, currency.Round(amount * paidShare / 100m, MidpointRounding.ToZero))
        let credited = Math.Min(amount - paid, currency.Round(amount * creditShare / 200m, MidpointRounding.ToZero))
        select (amount, paid, credited, rate, linked, type);

    private static Invoice Build(long no, Currency currency, (decimal Amount, decimal Paid, decimal Credited, decimal TaxRate, bool LinkedTax, ChargeType Type)[] specs, bool invoiceTax, decimal dispute)
    {
        var lines = new List<InvoiceLine>();
        for (var i = 0; i < specs.Length; i++)
        {
            var s = specs[i];
            lines.Add(Charge(i + 1, s.Amount, s.Paid, s.Credited, s.Type, s.TaxRate, currency) with { Units = 1, Rate = s.Amount });
        }

        foreach (var charge in lines.ToList())
        {
            if (specs[charge.LineNo - 1].LinkedTax && charge.TaxRate > 0m)
            {
                lines.Add(Tax(lines.Count + 1, currency.Round(charge.Amount.Amount * charge.TaxRate), charge.LineNo, currency: currency));
            }
        }

        if (invoiceTax)
        {
            lines.Add(Tax(lines.Count + 1, currency.Round(specs.Sum(s => s.Amount) * 0.07m), null, currency: currency));
        }

        return Invoice(no, [.. lines.Where(l => l.Amount.Amount > 0m || l.Kind == InvoiceLineKind.Charge)]) with { DisputedAmount = dispute };
    }

    private static readonly Gen<Step> StepGen =
        from kind in Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
        from pick in Gen.Choose(0, 1000)
        from pick2 in Gen.Choose(0, 1000)
        from factor in Gen.Choose(0, 130).Select(f => f / 100m)
        select new Step(kind, pick, pick2, factor);

    private static readonly Gen<(Invoice[] Invoices, Step[] Steps)> HistoryGen =
        from a in InvoiceGen(10)
        from b in InvoiceGen(20)
        from steps in Gen.Choose(1, 14).SelectMany(n => Gen.ArrayOf(StepGen, n))
        select (new[] { a, b }, steps);

    [Fact]
    public void RandomHistories_KeepEveryLedgerInvariant()
    {
        var done = new int[4];
        Prop.ForAll(HistoryGen.ToArbitrary(), h => RunAsync(h.Invoices, h.Steps, done).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));

        // The histories are not vacuous: memos, voids and rebills were saved, not only refused.
        Assert.All(done, count => Assert.True(count >= 5, $"saved per kind: [{string.Join(", ", done)}]"));
    }

    private static async Task<bool> RunAsync(Invoice[] invoices, Step[] steps, int[] done)
    {
        var store = new InMemoryInvoiceLedgerStore();
        var clock = FakeClock.AtUtc(new LocalDate(2025, 6, 1));
        var options = new InvoicingOptions();
        options.Defaults.CreditMemoNumbering = new NumberSequence { Start = Start, Digits = 6, Affix = "CM" };
        var directory = Directory();
        var ledger = new InvoiceLedger(store, clock, options);
        var memos = new CreditMemoService(store, directory, clock, options);
        var rebills = new RebillService(store, directory, clock, options: options);
        foreach (var invoice in invoices)
        {
            Assert.True((await ledger.ImportAsync(invoice)).IsSuccess);
        }

        foreach (var step in steps)
        {
            var all = await store.ListInvoicesAsync(Client, Account);
            var invoice = all[step.Pick % all.Count];
            var charges = invoice.Lines.Where(l => l.Kind == InvoiceLineKind.Charge).ToList();
            var line = charges[step.Pick2 % charges.Count];
            switch (step.Kind)
            {
                case 0:
                    var amount = invoice.Currency.Round(line.Creditable.Amount * step.Factor);
                    Count(done, 0, (await memos.CreateAsync(new CreditMemoRequest
                    {
                        Client = Client, InvoiceNo = invoice.InvoiceNo, ReasonCode = "CM-ERR", Comment = "p", RequestedBy = "p",
                        Lines = [new CreditMemoLineRequest(line.LineNo, amount)],
                    })).IsSuccess);
                    break;
                case 1:
                    var existing = await store.ListCreditMemosAsync(Client, invoice.InvoiceNo);
                    if (existing.Count > 0)
                    {
                        Count(done, 1, (await memos.VoidAsync(Client, existing[step.Pick2 % existing.Count].Number, "p")).IsSuccess);
                    }

                    break;
                case 2:
                    var rate = invoice.Currency.Round(line.Rate * Math.Min(step.Factor, 1m));
                    Count(done, 2, (await rebills.RebillAsync(new RebillRequest
                    {
                        Client = Client, InvoiceNo = invoice.InvoiceNo, ReasonCode = "RB-ERR", Comment = "p", RequestedBy = "p",
                        Lines = [new RebillLineRequest { LineNo = line.LineNo, Rate = rate, Exclude = step.Factor > 1.2m && charges.Count > 1 }],
                    })).IsSuccess);
                    break;
                default:
                    Count(done, 3, (await ledger.VoidAsync(Client, invoice.InvoiceNo, "p")).IsSuccess);
                    break;
            }

            await AssertInvariantsAsync(store);
        }

        return true;
    }

    private static void Count(int[] done, int kind, bool saved)
    {
        if (saved)
        {
            done[kind]++;
        }
    }

    private static async Task AssertInvariantsAsync(InMemoryInvoiceLedgerStore store)
    {
        var invoices = await store.ListInvoicesAsync(Client, Account);
        var allMemos = new List<CreditMemo>();
        foreach (var invoice in invoices)
        {
            var memos = await store.ListCreditMemosAsync(Client, invoice.InvoiceNo);
            allMemos.AddRange(memos);
            var active = memos.Where(m => m.State == CreditMemoState.Active).ToList();
            foreach (var line in invoice.Lines)
            {
                Assert.True(line.PaymentsApplied.Amount >= 0m && line.CreditsApplied.Amount >= 0m && line.CreditMemosApplied.Amount >= 0m, $"negative application on {invoice.InvoiceNo}/{line.LineNo}");
                Assert.True(line.Balance.Amount >= 0m, $"line {invoice.InvoiceNo}/{line.LineNo} credited beyond its amount: {line}");
                var fromMemos = active.SelectMany(m => m.Lines).Where(l => l.LineNo == line.LineNo).Sum(l => l.Amount.Amount)
                    + active.SelectMany(m => m.Lines).SelectMany(l => l.TaxCredits).Where(t => t.LineNo == line.LineNo).Sum(t => t.Amount.Amount);
                Assert.Equal(fromMemos, line.CreditMemosApplied.Amount);
            }

            Assert.True(invoice.Balance.Amount >= 0m);
            if (invoice.State == InvoiceState.Voided)
            {
                Assert.Empty(active);
            }

            if (invoice.RebilledBy is { } rebillNo && !invoice.RebillVoided)
            {
                var rebill = invoices.Single(i => i.InvoiceNo == rebillNo);
                var memo = active.SingleOrDefault(m => m.RebillInvoiceNo == rebillNo);
                foreach (var charge in invoice.Lines.Where(l => l.Kind == InvoiceLineKind.Charge))
                {
                    var rebilled = rebill.Lines.Where(l => l.OriginalLineNo == charge.LineNo).Sum(l => l.Amount.Amount);
                    var credited = memo?.Lines.Where(l => l.LineNo == charge.LineNo).Sum(l => l.Amount.Amount) ?? 0m;
                    Assert.Equal(charge.Amount.Amount, rebilled + credited);
                }
            }
        }

        Assert.Equal(Enumerable.Range(0, allMemos.Count).Select(i => Start + i), allMemos.Select(m => m.Sequence).Order());
        Assert.Equal(allMemos.Count, allMemos.Select(m => m.Number).Distinct().Count());
    }
}

using Aria.Billing.Invoicing;
using Aria.Billing.Testing.Skipping;
using NodaTime;
using Xunit;

namespace Aria.Billing.Testing.Conformance;

/// <summary>
/// The semantics every <see cref="IInvoiceLedgerStore"/> shares, written once against the contract, with
/// <see cref="InMemoryInvoiceLedgerStore"/> as the reference: idempotent imports, compare-and-swap updates, every field
/// read back as written, all-or-nothing writes whose refusal leaves nothing behind (no document, no number), and
/// client-level sequences that are consecutive and unique however many writers save at once. Each provider runs it by
/// deriving a class that creates its store.
/// </summary>
public abstract class InvoiceLedgerStoreConformance
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly ClientNumber OtherClient = new(2000);
    private static readonly AccountNumber Account = new(42);
    private static readonly AccountNumber OtherAccount = new(43);
    private static readonly Instant Created = Instant.FromUtc(2025, 4, 27, 9, 30).PlusTicks(1_234_567);
    private static readonly IReadOnlyList<InvoiceLine> NoLines = [];
    private static readonly IReadOnlyList<PlanInstanceNumber> NoInstances = [];
    private static readonly IReadOnlyList<CreditMemoLine> NoMemoLines = [];
    private static readonly IReadOnlyList<RemovedApplication> NoRemoved = [];
    private static readonly IReadOnlyList<AppliedAmount> NoTaxCredits = [];

    /// <summary>A new, empty store.</summary>
    protected abstract IInvoiceLedgerStore CreateStore();

    /// <summary>
    /// <paramref name="count"/> stores over one new, empty ledger, as several nodes of a host see it. By default one store
    /// shared by every writer; a provider whose nodes each have their own store (connection pool, writer gate) overrides it.
    /// </summary>
    protected virtual IReadOnlyList<IInvoiceLedgerStore> CreateNodes(int count)
    {
        var store = CreateStore();
        return [.. Enumerable.Repeat(store, count)];
    }

    /// <summary>An import is stored at version 1 whatever version it carries.</summary>
    [StoreFact]
    public async Task AddInvoice_NewNumber_StoresAtVersionOne()
    {
        var store = CreateStore();

        Assert.True(await store.AddInvoiceAsync(Invoice(1001) with { Version = 7 }));

        AssertInvoice(Invoice(1001) with { Version = 1 }, await store.GetInvoiceAsync(Client, 1001));
    }

    /// <summary>Importing is idempotent on (client, invoice number): the first import stays; another client's same number is another invoice.</summary>
    [StoreFact]
    public async Task AddInvoice_SameNumberTwice_KeepsTheFirst()
    {
        var store = CreateStore();

        Assert.True(await store.AddInvoiceAsync(Invoice(1001)));
        Assert.False(await store.AddInvoiceAsync(Invoice(1001) with { Account = OtherAccount, State = InvoiceState.Voided }));
        Assert.True(await store.AddInvoiceAsync(Invoice(1001, OtherClient) with { BillingGroup = "other" }));

        AssertInvoice(Invoice(1001) with { Version = 1 }, await store.GetInvoiceAsync(Client, 1001));
        AssertInvoice(Invoice(1001, OtherClient) with { BillingGroup = "other", Version = 1 }, await store.GetInvoiceAsync(OtherClient, 1001));
        Assert.Null(await store.GetInvoiceAsync(Client, 1002));
    }

    /// <summary>Every field of an invoice and of its lines reads back as written, amounts with their currency, to the last digit.</summary>
    [StoreFact]
    public async Task AddInvoice_EveryField_RoundTrips_InEveryCurrency()
    {
        var store = CreateStore();
        var invoices = new[] { FullInvoice(1001, Currency.BHD), FullInvoice(1002, Currency.JPY), FullInvoice(1003, Currency.USD), Invoice(1004) };

        foreach (var invoice in invoices)
        {
            Assert.True(await store.AddInvoiceAsync(invoice));
        }

        foreach (var invoice in invoices)
        {
            var stored = await store.GetInvoiceAsync(Client, invoice.InvoiceNo);
            AssertInvoice(invoice with { Version = 1 }, stored);
            Assert.Equal(invoice.Total, stored!.Total);
            Assert.Equal(invoice.Balance, stored.Balance);
        }
    }

    /// <summary>Fields left unset read back unset: no dates, no links, applied amounts zero in the line's currency.</summary>
    [StoreFact]
    public async Task AddInvoice_UnsetOptionalFields_ReadBackUnset()
    {
        var store = CreateStore();
        var minimal = new Invoice
        {
            Client = Client, Account = Account, InvoiceNo = 1001, Currency = Currency.BHD, BillDate = new LocalDate(2025, 3, 1),
            PeriodStart = new LocalDate(2025, 3, 1), PeriodEnd = new LocalDate(2025, 4, 1),
            Lines = [new InvoiceLine { LineNo = 1, Amount = Money.Of(10.5m, Currency.BHD) }],
        };

        await store.AddInvoiceAsync(minimal);
        var stored = (await store.GetInvoiceAsync(Client, 1001))!;

        AssertInvoice(minimal with { Version = 1 }, stored);
        Assert.Null(stored.InvoiceDate);
        Assert.Null(stored.DueDate);
        Assert.Null(stored.BillingGroup);
        Assert.Null(stored.PaymentMethod);
        Assert.Null(stored.OriginalInvoiceNo);
        Assert.Null(stored.RebillNumber);
        Assert.Null(stored.RebillReasonCode);
        Assert.Null(stored.RebilledBy);
        Assert.Equal((false, false, false, 0m, InvoiceState.Posted), (stored.RebillVoided, stored.HasRefundReversal, stored.IsParentPayChild, stored.DisputedAmount, stored.State));
        Assert.Empty(stored.MasterPlanInstances);
        var line = Assert.Single(stored.Lines);
        Assert.Equal((Money.Zero(Currency.BHD), Money.Zero(Currency.BHD), Money.Zero(Currency.BHD)), (line.PaymentsApplied, line.CreditsApplied, line.CreditMemosApplied));
        Assert.Null(line.ServiceName);
        Assert.Null(line.PlanInstance);
        Assert.Null(line.TaxedLineNo);
        Assert.Null(line.PurchaseOrder);
        Assert.Null(line.OriginalLineNo);
        Assert.Null(line.Comment);
    }

    /// <summary>An update at the version read is stored at the next version and returned as stored.</summary>
    [StoreFact]
    public async Task UpdateInvoice_ExpectedVersion_StoresTheNextVersion()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));
        var changed = FullInvoice(1001, Currency.USD) with { State = InvoiceState.Voided, DisputedAmount = 3.5m };

        var updated = await store.UpdateInvoiceAsync(changed, 1);
        var again = await store.UpdateInvoiceAsync(changed with { PaymentMethod = "card" }, 2);

        AssertInvoice(changed with { Version = 2 }, updated);
        AssertInvoice(changed with { PaymentMethod = "card", Version = 3 }, again);
        AssertInvoice(changed with { PaymentMethod = "card", Version = 3 }, await store.GetInvoiceAsync(Client, 1001));
    }

    /// <summary>An update at a stale version, of a missing invoice, or of another client's number writes nothing.</summary>
    [StoreFact]
    public async Task UpdateInvoice_StaleVersionOrMissing_ReturnsNull_AndChangesNothing()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));
        await store.UpdateInvoiceAsync(Invoice(1001) with { BillingGroup = "first" }, 1);

        Assert.Null(await store.UpdateInvoiceAsync(Invoice(1001) with { BillingGroup = "stale" }, 1));
        Assert.Null(await store.UpdateInvoiceAsync(Invoice(1001) with { BillingGroup = "future" }, 3));
        Assert.Null(await store.UpdateInvoiceAsync(Invoice(1002), 1));
        Assert.Null(await store.UpdateInvoiceAsync(Invoice(1001, OtherClient), 2));

        AssertInvoice(Invoice(1001) with { BillingGroup = "first", Version = 2 }, await store.GetInvoiceAsync(Client, 1001));
        Assert.Null(await store.GetInvoiceAsync(Client, 1002));
        Assert.Null(await store.GetInvoiceAsync(OtherClient, 1001));
    }

    /// <summary>An account's invoices, rebills included, by invoice number; other accounts and clients apart.</summary>
    [StoreFact]
    public async Task ListInvoices_OrdersByNumber_WithinClientAndAccount()
    {
        var store = CreateStore();
        foreach (var invoice in new[]
        {
            Invoice(1005), Invoice(1001), Invoice(1003) with { Account = OtherAccount }, Invoice(1002, OtherClient),
            Invoice(1004) with { OriginalInvoiceNo = 1001, RebillNumber = "RB-1" }, Invoice(999),
        })
        {
            await store.AddInvoiceAsync(invoice);
        }

        Assert.Equal([999L, 1001L, 1004L, 1005L], (await store.ListInvoicesAsync(Client, Account)).Select(i => i.InvoiceNo));
        Assert.Equal([1003L], (await store.ListInvoicesAsync(Client, OtherAccount)).Select(i => i.InvoiceNo));
        Assert.Equal([1002L], (await store.ListInvoicesAsync(OtherClient, Account)).Select(i => i.InvoiceNo));
        Assert.Empty(await store.ListInvoicesAsync(OtherClient, OtherAccount));
        AssertInvoice(Invoice(1004) with { OriginalInvoiceNo = 1001, RebillNumber = "RB-1", Version = 1 }, (await store.ListInvoicesAsync(Client, Account))[2]);
    }

    /// <summary>The highest invoice number is the client's own, over every account, rebills included; 0 when it has none.</summary>
    [StoreFact]
    public async Task GetHighestInvoiceNo_IsTheClientsMaximum_OrZero()
    {
        var store = CreateStore();
        Assert.Equal(0, await store.GetHighestInvoiceNoAsync(Client));

        await store.AddInvoiceAsync(Invoice(1001));
        await store.AddInvoiceAsync(Invoice(1007) with { Account = OtherAccount });
        await store.AddInvoiceAsync(Invoice(1003));
        await store.AddInvoiceAsync(Invoice(5000, OtherClient));
        await store.SaveAsync(new LedgerWrite { Client = Client, NewInvoice = Invoice(1010) with { OriginalInvoiceNo = 1003 }, RebillNumbering = Numbering("RB-") });

        Assert.Equal(1010, await store.GetHighestInvoiceNoAsync(Client));
        Assert.Equal(5000, await store.GetHighestInvoiceNoAsync(OtherClient));
        Assert.Equal(0, await store.GetHighestInvoiceNoAsync(new ClientNumber(3000)));
    }

    /// <summary>A new memo is saved at version 1 with the first number of the sequence, formatted, and every field reads back as written.</summary>
    [StoreFact]
    public async Task Save_NewCreditMemo_EveryField_RoundTrips_InEveryCurrency()
    {
        var store = CreateStore();
        var saved = new List<CreditMemo>();
        foreach (var (currency, n) in new[] { (Currency.BHD, 1001L), (Currency.JPY, 1002L), (Currency.EUR, 1003L) })
        {
            await store.AddInvoiceAsync(FullInvoice(n, currency));
            var memo = FullMemo(n, currency);

            var result = await store.SaveAsync(MemoWrite(memo, Numbering("CM-")));

            Assert.True(result.Saved);
            Assert.Null(result.NewInvoice);
            var expected = memo with { Sequence = saved.Count + 1, Number = $"CM-0000000{saved.Count + 1}", Version = 1 };
            AssertMemo(expected, result.NewCreditMemo);
            AssertMemo(expected, await store.GetCreditMemoAsync(Client, memo.Id));
            Assert.Equal(memo.Total, result.NewCreditMemo!.Total);
            saved.Add(expected);
        }

        var plain = Memo(1003);
        await store.SaveAsync(MemoWrite(plain, Numbering("CM-")));
        var stored = (await store.GetCreditMemoAsync(Client, plain.Id))!;
        AssertMemo(plain with { Sequence = 4, Number = "CM-00000004", Version = 1 }, stored);
        Assert.Null(stored.VoidedAt);
        Assert.Null(stored.VoidedBy);
        Assert.Null(stored.RebillInvoiceNo);
        Assert.Equal(CreditMemoState.Active, stored.State);
        Assert.Empty(Assert.Single(stored.Lines).TaxCredits);
    }

    /// <summary>A memo is found by its id or its number within its client only; missing ones are null.</summary>
    [StoreFact]
    public async Task GetAndFindCreditMemo_WithinTheClient()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));
        var memo = Memo(1001);
        await store.SaveAsync(MemoWrite(memo, Numbering("CM-")));

        AssertMemo(memo with { Sequence = 1, Number = "CM-00000001", Version = 1 }, await store.FindCreditMemoAsync(Client, "CM-00000001"));
        Assert.Null(await store.FindCreditMemoAsync(Client, "cm-00000001"));
        Assert.Null(await store.FindCreditMemoAsync(Client, "CM-00000002"));
        Assert.Null(await store.FindCreditMemoAsync(OtherClient, "CM-00000001"));
        Assert.Null(await store.GetCreditMemoAsync(OtherClient, memo.Id));
        Assert.Null(await store.GetCreditMemoAsync(Client, Guid.NewGuid()));
    }

    /// <summary>An invoice's memos, voided ones included, in sequence order; other invoices and clients apart.</summary>
    [StoreFact]
    public async Task ListCreditMemos_InSequenceOrder_WithinClientAndInvoice()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));
        await store.AddInvoiceAsync(Invoice(1002));
        await store.AddInvoiceAsync(Invoice(1001, OtherClient));
        var memos = new[] { Memo(1001), Memo(1002), Memo(1001), Memo(1001) };
        foreach (var memo in memos)
        {
            await store.SaveAsync(MemoWrite(memo, Numbering("CM-")));
        }

        var other = Memo(1001, OtherClient);
        await store.SaveAsync(MemoWrite(other, Numbering("CM-")));
        var voided = (await store.GetCreditMemoAsync(Client, memos[2].Id))!;
        Assert.True((await store.SaveAsync(new LedgerWrite
        {
            Client = Client, CreditMemoUpdates = [new(voided with { State = CreditMemoState.Voided, VoidedAt = Created, VoidedBy = "lead" }, 1)],
        })).Saved);

        var listed = await store.ListCreditMemosAsync(Client, 1001);
        Assert.Equal([memos[0].Id, memos[2].Id, memos[3].Id], listed.Select(m => m.Id));
        Assert.Equal([1L, 3L, 4L], listed.Select(m => m.Sequence));
        Assert.Equal([CreditMemoState.Active, CreditMemoState.Voided, CreditMemoState.Active], listed.Select(m => m.State));
        Assert.Equal([memos[1].Id], (await store.ListCreditMemosAsync(Client, 1002)).Select(m => m.Id));
        Assert.Equal([(other.Id, 1L)], (await store.ListCreditMemosAsync(OtherClient, 1001)).Select(m => (m.Id, m.Sequence)));
        Assert.Empty(await store.ListCreditMemosAsync(Client, 1003));
    }

    /// <summary>Updates in a write are compare-and-swap: each invoice and memo is stored at its expected version + 1.</summary>
    [StoreFact]
    public async Task Save_Updates_StoreEachAtTheNextVersion()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));
        await store.AddInvoiceAsync(Invoice(1002));
        await store.UpdateInvoiceAsync(Invoice(1002) with { BillingGroup = "moved" }, 1);
        var memo = (await store.SaveAsync(MemoWrite(Memo(1001), Numbering()))).NewCreditMemo!;
        var first = Invoice(1001) with { Lines = [Line(1, 100m) with { CreditMemosApplied = Usd(10m) }] };
        var second = Invoice(1002) with { State = InvoiceState.Voided };
        var voided = memo with { State = CreditMemoState.Voided, VoidedAt = Created, VoidedBy = "lead" };

        var result = await store.SaveAsync(new LedgerWrite
        {
            Client = Client, InvoiceUpdates = [new(second, 2), new(first, 1)], CreditMemoUpdates = [new(voided, 1)],
        });

        Assert.Equal(LedgerConflict.None, result.Conflict);
        Assert.Null(result.NewInvoice);
        Assert.Null(result.NewCreditMemo);
        AssertInvoice(first with { Version = 2 }, await store.GetInvoiceAsync(Client, 1001));
        AssertInvoice(second with { Version = 3 }, await store.GetInvoiceAsync(Client, 1002));
        AssertMemo(voided with { Version = 2 }, await store.GetCreditMemoAsync(Client, memo.Id));
    }

    /// <summary>
    /// A rebill in one write: the original marked, the rebill added at version 1 with the next rebill number, the memo for
    /// the difference with the next memo number; each sequence with its own affix.
    /// </summary>
    [StoreFact]
    public async Task Save_Rebill_UpdatesOriginal_AddsRebillAndMemo_NumberedFromTheirSequences()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(FullInvoice(1200, Currency.BHD) with { RebilledBy = null, RebillNumber = null, OriginalInvoiceNo = null, RebillVoided = false });
        var original = (await store.GetInvoiceAsync(Client, 1200))!;
        var rebill = FullInvoice(1201, Currency.BHD) with { OriginalInvoiceNo = 1200, RebillNumber = null, RebillReasonCode = "RB9", RebilledBy = null, RebillVoided = false };
        var memo = FullMemo(1200, Currency.BHD) with { ReasonCode = "RB9", RebillInvoiceNo = 1201, State = CreditMemoState.Active, VoidedAt = null, VoidedBy = null };

        var result = await store.SaveAsync(new LedgerWrite
        {
            Client = Client, InvoiceUpdates = [new(original with { RebilledBy = 1201 }, original.Version)],
            NewInvoice = rebill, RebillNumbering = Numbering("RB", 6, AffixPosition.Suffix, start: 40),
            NewCreditMemo = memo, CreditMemoNumbering = Numbering("CM-", 5),
        });

        Assert.True(result.Saved);
        var savedRebill = rebill with { RebillNumber = "000040RB", Version = 1 };
        AssertInvoice(savedRebill, result.NewInvoice);
        AssertInvoice(savedRebill, await store.GetInvoiceAsync(Client, 1201));
        AssertMemo(memo with { Sequence = 1, Number = "CM-00001", Version = 1 }, result.NewCreditMemo);
        AssertMemo(memo with { Sequence = 1, Number = "CM-00001", Version = 1 }, await store.FindCreditMemoAsync(Client, "CM-00001"));
        AssertInvoice(original with { RebilledBy = 1201, Version = 2 }, await store.GetInvoiceAsync(Client, 1200));
        Assert.Equal([1200L, 1201L], (await store.ListInvoicesAsync(Client, Account)).Select(i => i.InvoiceNo));
    }

    /// <summary>A new invoice without a rebill numbering keeps the rebill number it carries and takes no number.</summary>
    [StoreFact]
    public async Task Save_NewInvoiceWithoutRebillNumbering_KeepsItsOwnNumber_AndTakesNone()
    {
        var store = CreateStore();

        var result = await store.SaveAsync(new LedgerWrite { Client = Client, NewInvoice = Invoice(1201) with { OriginalInvoiceNo = 1200, RebillNumber = "IMPORTED-7" } });
        var next = await store.SaveAsync(new LedgerWrite { Client = Client, NewInvoice = Invoice(1202) with { OriginalInvoiceNo = 1201 }, RebillNumbering = Numbering("RB-") });

        AssertInvoice(Invoice(1201) with { OriginalInvoiceNo = 1200, RebillNumber = "IMPORTED-7", Version = 1 }, result.NewInvoice);
        Assert.Equal("RB-00000001", next.NewInvoice!.RebillNumber);
    }

    /// <summary>A new memo needs its client's numbering.</summary>
    [StoreFact]
    public async Task Save_NewCreditMemoWithoutNumbering_Throws()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(new LedgerWrite { Client = Client, NewCreditMemo = Memo(1001) }));

        Assert.Empty(await store.ListCreditMemosAsync(Client, 1001));
    }

    /// <summary>A stale invoice update refuses the whole write: no update (not even of the invoice before it), no new document, no number used.</summary>
    [StoreFact]
    public async Task Save_StaleInvoiceVersion_IsVersionChanged_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();
        await store.UpdateInvoiceAsync((await store.GetInvoiceAsync(Client, 1002))! with { BillingGroup = "meanwhile" }, 1);

        await AssertRefusedAsync(store, write, LedgerConflict.VersionChanged);
    }

    /// <summary>An update of an invoice that is not in the ledger refuses the whole write.</summary>
    [StoreFact]
    public async Task Save_MissingInvoiceUpdate_IsVersionChanged_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();

        await AssertRefusedAsync(store, write with { InvoiceUpdates = [.. write.InvoiceUpdates, new(Invoice(1099), 1)] }, LedgerConflict.VersionChanged);
    }

    /// <summary>An update of another client's invoice or memo (same number or id, right version) refuses the whole write.</summary>
    [StoreFact]
    public async Task Save_UpdateOfAnotherClientsDocument_IsVersionChanged_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();
        await store.AddInvoiceAsync(Invoice(1001, OtherClient));
        var otherMemo = (await store.SaveAsync(MemoWrite(Memo(1001, OtherClient), Numbering()))).NewCreditMemo!;

        await AssertRefusedAsync(store, write with { InvoiceUpdates = [.. write.InvoiceUpdates, new(Invoice(1001, OtherClient), 1)] }, LedgerConflict.VersionChanged);
        await AssertRefusedAsync(store, write with { CreditMemoUpdates = [.. write.CreditMemoUpdates, new(otherMemo, 1)] }, LedgerConflict.VersionChanged);
        AssertInvoice(Invoice(1001, OtherClient) with { Version = 1 }, await store.GetInvoiceAsync(OtherClient, 1001));
        AssertMemo(otherMemo, await store.GetCreditMemoAsync(OtherClient, otherMemo.Id));
    }

    /// <summary>A stale memo update (a memo voided meanwhile) refuses the whole write.</summary>
    [StoreFact]
    public async Task Save_StaleCreditMemoVersion_IsVersionChanged_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();
        var memo = write.CreditMemoUpdates[0].Memo;
        Assert.True((await store.SaveAsync(new LedgerWrite { Client = Client, CreditMemoUpdates = [new(memo with { Comment = "meanwhile" }, 1)] })).Saved);

        await AssertRefusedAsync(store, write, LedgerConflict.VersionChanged);
    }

    /// <summary>An update of a memo that is not in the ledger refuses the whole write.</summary>
    [StoreFact]
    public async Task Save_MissingCreditMemoUpdate_IsVersionChanged_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();

        await AssertRefusedAsync(store, write with { CreditMemoUpdates = [.. write.CreditMemoUpdates, new(Memo(1001), 1)] }, LedgerConflict.VersionChanged);
    }

    /// <summary>A new invoice whose number is in the ledger refuses the whole write, its rebill number and memo number unused.</summary>
    [StoreFact]
    public async Task Save_NewInvoiceNumberTaken_IsInvoiceNumberTaken_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();
        await store.AddInvoiceAsync(Invoice(1201) with { Account = OtherAccount });

        await AssertRefusedAsync(store, write, LedgerConflict.InvoiceNumberTaken);
        AssertInvoice(Invoice(1201) with { Account = OtherAccount, Version = 1 }, await store.GetInvoiceAsync(Client, 1201));
    }

    /// <summary>A new memo whose id is in the ledger (the write was made before) refuses the whole write.</summary>
    [StoreFact]
    public async Task Save_NewCreditMemoIdExists_IsDuplicateCreditMemo_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();
        var existing = write.CreditMemoUpdates[0].Memo;

        await AssertRefusedAsync(store, write with { NewCreditMemo = write.NewCreditMemo! with { Id = existing.Id } }, LedgerConflict.DuplicateCreditMemo);
    }

    /// <summary>
    /// A memo sequence at its last number refuses the write (nothing written) and keeps refusing; more digits continue it
    /// where it stopped.
    /// </summary>
    [StoreFact]
    public async Task Save_CreditMemoSequenceExhausted_IsSequenceExhausted_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();
        var twoDigits = Numbering("CM-", 2, start: 98);
        var memo98 = (await store.SaveAsync(MemoWrite(Memo(1001), twoDigits))).NewCreditMemo!;
        var memo99 = (await store.SaveAsync(MemoWrite(Memo(1001), twoDigits))).NewCreditMemo!;
        Assert.Equal(("CM-98", "CM-99"), (memo98.Number, memo99.Number));

        var invoices = await store.ListInvoicesAsync(Client, Account);
        var memos = await store.ListCreditMemosAsync(Client, 1001);
        Assert.Equal(LedgerConflict.SequenceExhausted, (await store.SaveAsync(write with { CreditMemoNumbering = twoDigits })).Conflict);
        Assert.Equal(LedgerConflict.SequenceExhausted, (await store.SaveAsync(MemoWrite(Memo(1001), twoDigits))).Conflict);
        AssertInvoices(invoices, await store.ListInvoicesAsync(Client, Account));
        AssertMemos(memos, await store.ListCreditMemosAsync(Client, 1001));
        Assert.Null(await store.GetInvoiceAsync(Client, 1201));

        Assert.Equal("CM-100", (await store.SaveAsync(MemoWrite(Memo(1001), Numbering("CM-", 3)))).NewCreditMemo!.Number);
    }

    /// <summary>A rebill sequence at its last number refuses the write; the memo number it would have used stays free.</summary>
    [StoreFact]
    public async Task Save_RebillSequenceExhausted_IsSequenceExhausted_AndWritesNothing()
    {
        var (store, write) = await RefusableWriteAsync();

        await AssertRefusedAsync(store, write with { RebillNumbering = Numbering("RB-", 1, start: 10) }, LedgerConflict.SequenceExhausted);

        var oneDigit = Numbering("RB-", 1, start: 9);
        Assert.Equal("RB-9", (await store.SaveAsync(new LedgerWrite { Client = Client, NewInvoice = Invoice(1300), RebillNumbering = oneDigit })).NewInvoice!.RebillNumber);
        var refused = await store.SaveAsync(new LedgerWrite { Client = Client, NewInvoice = Invoice(1301), RebillNumbering = oneDigit });
        Assert.Equal(LedgerConflict.SequenceExhausted, refused.Conflict);
        Assert.Null(await store.GetInvoiceAsync(Client, 1301));
    }

    /// <summary>The number is the sequence's digits, zero-padded, with the affix before or after; the affix may change between writes.</summary>
    [StoreFact]
    public async Task Save_Numbers_AreFormattedWithPrefixOrSuffix()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));

        var numbers = new List<string>();
        foreach (var numbering in new[] { Numbering("CM-"), Numbering("/2025", 4, AffixPosition.Suffix), Numbering("", 1), Numbering("X", 18) })
        {
            numbers.Add((await store.SaveAsync(MemoWrite(Memo(1001), numbering))).NewCreditMemo!.Number);
        }

        Assert.Equal(["CM-00000001", "0002/2025", "3", "X000000000000000004"], numbers);
        Assert.Equal(numbers, (await store.ListCreditMemosAsync(Client, 1001)).Select(m => m.Number));
    }

    /// <summary>A start raised above the next number jumps the sequence forward; a start lowered again never takes it back.</summary>
    [StoreFact]
    public async Task Save_StartRaisedLater_JumpsForward_AndNeverGoesBack()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));

        var sequences = new List<long>();
        foreach (var start in new long[] { 1, 1, 500, 500, 1, 200, 1000 })
        {
            sequences.Add((await store.SaveAsync(MemoWrite(Memo(1001), Numbering(start: start)))).NewCreditMemo!.Sequence);
        }

        Assert.Equal([1L, 2L, 500L, 501L, 502L, 503L, 1000L], sequences);
    }

    /// <summary>Each client has its own memo sequence and its own rebill sequence, each from its start.</summary>
    [StoreFact]
    public async Task Save_Sequences_AreIndependentPerClientAndKind()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));
        await store.AddInvoiceAsync(Invoice(1001, OtherClient));

        var a1 = await store.SaveAsync(MemoWrite(Memo(1001), Numbering("CM-", 3)));
        var a2 = await store.SaveAsync(MemoWrite(Memo(1001), Numbering("CM-", 3)));
        var b1 = await store.SaveAsync(MemoWrite(Memo(1001, OtherClient), Numbering("CM-", 3, start: 7)));
        var rebillA = await store.SaveAsync(new LedgerWrite
        {
            Client = Client, NewInvoice = Invoice(1002) with { OriginalInvoiceNo = 1001 }, RebillNumbering = Numbering("RB-", 3),
            NewCreditMemo = Memo(1001), CreditMemoNumbering = Numbering("CM-", 3),
        });
        var rebillB = await store.SaveAsync(new LedgerWrite { Client = OtherClient, NewInvoice = Invoice(1002, OtherClient), RebillNumbering = Numbering("RB-", 3) });
        var b2 = await store.SaveAsync(MemoWrite(Memo(1001, OtherClient), Numbering("CM-", 3)));

        Assert.Equal(["CM-001", "CM-002", "CM-003"], new[] { a1, a2, rebillA }.Select(r => r.NewCreditMemo!.Number));
        Assert.Equal(["CM-007", "CM-008"], new[] { b1, b2 }.Select(r => r.NewCreditMemo!.Number));
        Assert.Equal(("RB-001", "RB-001"), (rebillA.NewInvoice!.RebillNumber, rebillB.NewInvoice!.RebillNumber));
        Assert.Equal("CM-002", (await store.FindCreditMemoAsync(Client, "CM-002"))!.Number);
        Assert.Null(await store.FindCreditMemoAsync(OtherClient, "CM-002"));
    }

    /// <summary>
    /// Writers saving a memo each at once, on several invoices of one client, each through its own node: every write is
    /// saved, and the numbers are exactly start … start + n − 1, none twice.
    /// </summary>
    [StoreFact]
    public async Task Save_ConcurrentWriters_GetConsecutiveDistinctNumbers()
    {
        const int Writers = 24;
        const long Start = 500;
        var nodes = CreateNodes(4);
        for (var n = 0; n < 3; n++)
        {
            await nodes[0].AddInvoiceAsync(Invoice(1001 + n));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
            nodes[w % nodes.Count].SaveAsync(MemoWrite(Memo(1001 + (w % 3)), Numbering("CM-", start: Start))))));

        Assert.All(results, r => Assert.True(r.Saved));
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => Start + i), results.Select(r => r.NewCreditMemo!.Sequence).Order());
        Assert.Equal(Writers, results.Select(r => r.NewCreditMemo!.Number).Distinct().Count());
        var listed = new List<CreditMemo>();
        for (var n = 0; n < 3; n++)
        {
            listed.AddRange(await nodes[n % nodes.Count].ListCreditMemosAsync(Client, 1001 + n));
        }

        Assert.Equal(Enumerable.Range(0, Writers).Select(i => Start + i), listed.Select(m => m.Sequence).Order());
    }

    /// <summary>
    /// Writers crediting one invoice at once, each reading it, crediting one more unit and retrying when another wrote first:
    /// every credit lands once, and the refused attempts used no number (the numbers stay consecutive from the start).
    /// </summary>
    [StoreFact]
    public async Task Save_ConcurrentWritersOnOneInvoice_RetryingOnVersionChanged_LoseNothing_AndLeaveNoGap()
    {
        const int Writers = 12;
        var nodes = CreateNodes(4);
        await nodes[0].AddInvoiceAsync(Invoice(1001) with { Lines = [Line(1, 100m)] });

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var node = nodes[w % nodes.Count];
            var memo = Memo(1001);
            for (var attempt = 0; ; attempt++)
            {
                Assert.True(attempt < 50, "a writer never got its turn");
                var invoice = (await node.GetInvoiceAsync(Client, 1001))!;
                var line = invoice.Lines[0];
                var credited = invoice with { Lines = [line with { CreditMemosApplied = line.CreditMemosApplied + Usd(1m) }] };
                var result = await node.SaveAsync(MemoWrite(memo, Numbering("CM-")) with { InvoiceUpdates = [new(credited, invoice.Version)] });
                if (result.Conflict != LedgerConflict.VersionChanged)
                {
                    return result;
                }
            }
        })));

        Assert.All(results, r => Assert.True(r.Saved));
        var final = (await nodes[1].GetInvoiceAsync(Client, 1001))!;
        Assert.Equal((Usd(Writers), 1L + Writers), (final.Lines[0].CreditMemosApplied, final.Version));
        Assert.Equal(Enumerable.Range(1, Writers).Select(i => (long)i), (await nodes[2].ListCreditMemosAsync(Client, 1001)).Select(m => m.Sequence));
    }

    /// <summary>
    /// A store with invoices 1001 (and, in the write, its update), 1002, a memo on 1001 at version 1; and a write that
    /// updates both, voids the memo, adds rebill 1201 numbered from a rebill sequence and a new memo numbered from the memo
    /// sequence: saved as is, it would succeed.
    /// </summary>
    private async Task<(IInvoiceLedgerStore Store, LedgerWrite Write)> RefusableWriteAsync()
    {
        var store = CreateStore();
        await store.AddInvoiceAsync(Invoice(1001));
        await store.AddInvoiceAsync(Invoice(1002));
        var memo = (await store.SaveAsync(MemoWrite(Memo(1001), Numbering("CM-")))).NewCreditMemo!;
        var write = new LedgerWrite
        {
            Client = Client,
            InvoiceUpdates = [new(Invoice(1001) with { RebilledBy = 1201, State = InvoiceState.Voided }, 1), new(Invoice(1002) with { BillingGroup = "changed" }, 1)],
            CreditMemoUpdates = [new(memo with { State = CreditMemoState.Voided, VoidedAt = Created, VoidedBy = "lead" }, 1)],
            NewInvoice = Invoice(1201) with { OriginalInvoiceNo = 1001 },
            RebillNumbering = Numbering("RB-"),
            NewCreditMemo = Memo(1001) with { RebillInvoiceNo = 1201 },
            CreditMemoNumbering = Numbering("CM-"),
        };
        return (store, write);
    }

    /// <summary>
    /// Saves <paramref name="write"/> and expects <paramref name="conflict"/> and nothing written: the invoices, memos and
    /// highest number as before. Then a memo and a rebill saved next take the numbers the refused write would have taken.
    /// </summary>
    private static async Task AssertRefusedAsync(IInvoiceLedgerStore store, LedgerWrite write, LedgerConflict conflict)
    {
        var invoices = await store.ListInvoicesAsync(Client, Account);
        var others = await store.ListInvoicesAsync(Client, OtherAccount);
        var memos = (await store.ListCreditMemosAsync(Client, 1001)).Concat(await store.ListCreditMemosAsync(Client, 1002)).ToArray();
        var highest = await store.GetHighestInvoiceNoAsync(Client);

        var result = await store.SaveAsync(write);

        Assert.Equal((conflict, false), (result.Conflict, result.Saved));
        Assert.Null(result.NewInvoice);
        Assert.Null(result.NewCreditMemo);
        AssertInvoices(invoices, await store.ListInvoicesAsync(Client, Account));
        AssertInvoices(others, await store.ListInvoicesAsync(Client, OtherAccount));
        AssertMemos(memos, [.. await store.ListCreditMemosAsync(Client, 1001), .. await store.ListCreditMemosAsync(Client, 1002)]);
        Assert.Equal(highest, await store.GetHighestInvoiceNoAsync(Client));
        if (memos.All(m => m.Id != write.NewCreditMemo!.Id))
        {
            Assert.Null(await store.GetCreditMemoAsync(Client, write.NewCreditMemo!.Id));
        }

        var memoProbe = await store.SaveAsync(MemoWrite(Memo(1002), write.CreditMemoNumbering!));
        Assert.Equal(Math.Max(memos.Max(m => m.Sequence) + 1, write.CreditMemoNumbering!.Start), memoProbe.NewCreditMemo!.Sequence);
        var rebillProbe = await store.SaveAsync(new LedgerWrite
        {
            Client = Client, NewInvoice = Invoice(Math.Max(highest, write.NewInvoice!.InvoiceNo) + 1), RebillNumbering = Numbering("RB-"),
        });
        Assert.Equal(Numbering("RB-").Format(invoices.Concat(others).Count(i => i.RebillNumber is not null) + 1), rebillProbe.NewInvoice!.RebillNumber);
    }

    private static Invoice Invoice(long no, ClientNumber? client = null) => new()
    {
        Client = client ?? Client, Account = Account, InvoiceNo = no, Currency = Currency.USD, BillDate = new LocalDate(2025, 3, 15),
        PeriodStart = new LocalDate(2025, 3, 15), PeriodEnd = new LocalDate(2025, 4, 15), Lines = [Line(1, 30m), TaxLine(2, 1, 2.4m)],
    };

    private static InvoiceLine Line(int no, decimal amount) => new() { LineNo = no, ServiceNo = 100 + no, Amount = Usd(amount), TaxRate = 0.08m };

    private static InvoiceLine TaxLine(int no, int taxed, decimal amount) => new() { LineNo = no, Kind = InvoiceLineKind.Tax, TaxedLineNo = taxed, Amount = Usd(amount) };

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    /// <summary>An invoice with every field set, amounts to the currency's last minor digit (and beyond, on units and rates).</summary>
    private static Invoice FullInvoice(long no, Currency currency)
    {
        var m = currency.MinorUnit;
        Money Of(decimal units) => Money.Of(units * m, currency);
        return new Invoice
        {
            Client = Client, Account = Account, InvoiceNo = no, Currency = currency,
            BillDate = new LocalDate(2024, 2, 29), InvoiceDate = new LocalDate(2024, 3, 3), DueDate = new LocalDate(2099, 12, 31),
            PeriodStart = new LocalDate(2024, 2, 29), PeriodEnd = new LocalDate(2024, 3, 29), BillingGroup = "Group ü “quoted” \\ 'x'",
            MasterPlanInstances = [new PlanInstanceNumber(7002), new PlanInstanceNumber(long.MaxValue), new PlanInstanceNumber(7001)],
            State = InvoiceState.Pending, DisputedAmount = 123_456_789.125m, HasRefundReversal = true, IsParentPayChild = true, PaymentMethod = "Net 30",
            OriginalInvoiceNo = no - 1, RebillNumber = "RB-00000007", RebillReasonCode = "RB1", RebilledBy = no + 1, RebillVoided = true,
            Lines =
            [
                new InvoiceLine
                {
                    LineNo = 1, Kind = InvoiceLineKind.Charge, ChargeType = ChargeType.Usage, ServiceNo = 10_001, ServiceName = "Minutes — peak",
                    PlanInstance = new PlanInstanceNumber(7001), Units = 1234.56789m, Rate = 0.000123456789m, Amount = Of(1_234_567_891m), TaxRate = 0.0825m,
                    PaymentsApplied = Of(1_001m), CreditsApplied = Of(7m), CreditMemosApplied = Of(250_000m), PurchaseOrder = "PO-9",
                    OriginalLineNo = 3, RebillExcluded = true, Comment = "moved from 3",
                },
                new InvoiceLine
                {
                    LineNo = 2, ChargeType = ChargeType.Recurring, ServiceNo = 10_002, Units = 1m, Rate = 30m, Amount = Of(3_000m),
                    PaymentsApplied = Money.Of(0.00m, currency), // zero written out is kept as written
                },
                new InvoiceLine { LineNo = 3, Kind = InvoiceLineKind.Tax, ChargeType = ChargeType.Other, TaxedLineNo = 1, Amount = Of(101_851_851m) },
                new InvoiceLine { LineNo = 4, Kind = InvoiceLineKind.Tax, Amount = Of(1m), PaymentsApplied = Of(1m) },
            ],
        };
    }

    private static CreditMemo Memo(long invoiceNo, ClientNumber? client = null) => new()
    {
        Id = Guid.NewGuid(), Client = client ?? Client, Account = Account, InvoiceNo = invoiceNo, Currency = Currency.USD, ReasonCode = "CM1",
        Comment = "goodwill", CreatedAt = Created, CreatedBy = "csr",
        Lines = [new CreditMemoLine { LineNo = 1, Amount = Usd(1m) }],
    };

    /// <summary>A memo with every field set (voided, linked to a rebill), each amount with its currency.</summary>
    private static CreditMemo FullMemo(long invoiceNo, Currency currency)
    {
        var m = currency.MinorUnit;
        Money Of(decimal units) => Money.Of(units * m, currency);
        return new CreditMemo
        {
            Id = Guid.NewGuid(), Client = Client, Account = Account, InvoiceNo = invoiceNo, Currency = currency, Number = "ignored", Sequence = 77,
            ReasonCode = "CM7", Comment = "line 1 billed twice; “ü” \\ 'x'", CreatedAt = Created, CreatedBy = "csr@example.com",
            State = CreditMemoState.Voided, VoidedAt = Created.Plus(Duration.FromDays(3)).PlusTicks(1), VoidedBy = "lead", RebillInvoiceNo = invoiceNo + 200, Version = 9,
            Lines =
            [
                new CreditMemoLine
                {
                    LineNo = 1, Amount = Of(12_345m), TaxCredits = [new AppliedAmount(3, Of(1_019m)), new AppliedAmount(4, Of(1m))], Comment = "partial",
                },
                new CreditMemoLine { LineNo = 2, LineType = LineType.UsageCharge, Amount = Of(3_000m) },
            ],
            Removed = [new RemovedApplication(1, Of(1_001m), Of(7m)), new RemovedApplication(3, Money.Zero(currency), Money.Of(0.000m, currency))],
        };
    }

    private static LedgerWrite MemoWrite(CreditMemo memo, NumberSequence numbering) =>
        new() { Client = memo.Client, NewCreditMemo = memo, CreditMemoNumbering = numbering };

    private static NumberSequence Numbering(string affix = "", int digits = 8, AffixPosition position = AffixPosition.Prefix, long start = 1) =>
        new() { Affix = affix, Digits = digits, Position = position, Start = start };

    private static void AssertInvoices(IReadOnlyList<Invoice> expected, IReadOnlyList<Invoice> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            AssertInvoice(e, a);
        }
    }

    private static void AssertMemos(IReadOnlyList<CreditMemo> expected, IReadOnlyList<CreditMemo> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            AssertMemo(e, a);
        }
    }

    /// <summary>Field by field: the lists by their elements (records compare lists by reference), each amount with its currency, each decimal with its value.</summary>
    private static void AssertInvoice(Invoice expected, Invoice? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Lines = NoLines, MasterPlanInstances = NoInstances }, actual with { Lines = NoLines, MasterPlanInstances = NoInstances });
        Assert.Equal(expected.MasterPlanInstances, actual.MasterPlanInstances);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(
            expected.Lines.Select(l => (l.PaymentsApplied, l.CreditsApplied, l.CreditMemosApplied, l.Amount.Amount.Scale)),
            actual.Lines.Select(l => (l.PaymentsApplied, l.CreditsApplied, l.CreditMemosApplied, l.Amount.Amount.Scale)));
    }

    private static void AssertMemo(CreditMemo expected, CreditMemo? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Lines = NoMemoLines, Removed = NoRemoved }, actual with { Lines = NoMemoLines, Removed = NoRemoved });
        Assert.Equal(expected.Removed, actual.Removed);
        Assert.Equal(expected.Lines.Count, actual.Lines.Count);
        foreach (var (e, a) in expected.Lines.Zip(actual.Lines))
        {
            Assert.Equal(e with { TaxCredits = NoTaxCredits }, a with { TaxCredits = NoTaxCredits });
            Assert.Equal(e.TaxCredits, a.TaxCredits);
        }
    }
}

using Aria.Billing.Invoicing;
using Aria.Billing.Testing.Skipping;
using Xunit;

namespace Aria.Billing.Testing.Conformance;

// spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), create_payment_terms_m, get_payment_terms_m, delete_payment_terms_m.

/// <summary>
/// The semantics every <see cref="IPaymentTermStore"/> shares (spec: release-6.50.txt, Enhanced Payment Terms - API, DEV-7151:
/// <c>create_payment_terms_m</c>, <c>get_payment_terms_m</c>, <c>delete_payment_terms_m</c> "only if the payment terms have never been
/// assigned to any account's billing group"), written once against the contract; each provider runs it by deriving a class
/// that creates its store.
/// </summary>
public abstract class PaymentTermStoreConformance
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly ClientNumber Other = new(2000);

    /// <summary>A new, empty store.</summary>
    protected abstract IPaymentTermStore CreateStore();

    private static PaymentTerm Term(string name, string? clientId = null, ClientNumber? client = null) => new()
    {
        Client = client ?? Client, Name = name, ClientId = clientId ?? name, DaysUntilDue = 30,
    };

    private static async Task<PaymentTerm> AddAsync(IPaymentTermStore store, PaymentTerm term)
    {
        var added = await store.AddAsync(term);
        Assert.True(added.Added, $"{term.Name}: {added.Conflict}");
        return added.Term!;
    }

    /// <summary>Numbers are given per client, from 1, in order; a refused add uses none.</summary>
    [StoreFact]
    public async Task Add_GivesEachClientConsecutiveNumbers_AndARefusedAddUsesNone()
    {
        var store = CreateStore();

        var a = await AddAsync(store, Term("A"));
        var b = await AddAsync(store, Term("B"));
        var elsewhere = await AddAsync(store, Term("A", client: Other));
        var sameName = await store.AddAsync(Term("A", "other-id"));
        var sameId = await store.AddAsync(Term("C", "B"));
        var c = await AddAsync(store, Term("C"));

        Assert.Equal([1L, 2L, 1L, 3L], new[] { a, b, elsewhere, c }.Select(t => t.Number));
        Assert.Equal((PaymentTermConflict.NameTaken, (PaymentTerm?)null), (sameName.Conflict, sameName.Term));
        Assert.Equal(PaymentTermConflict.ClientIdTaken, sameId.Conflict);
        Assert.All(new[] { a, b, c }, t => Assert.Equal((1L, false), (t.Version, t.EverAssigned)));
    }

    /// <summary>Every field is kept as given.</summary>
    [StoreFact]
    public async Task Add_ThenGet_KeepsEveryField()
    {
        var store = CreateStore();
        var full = Term("EAN 14", "ean-14") with
        {
            Type = PaymentTermsType.EanGln, DaysUntilDue = 14, DaysUntilDueMethod = DaysUntilDueMethod.AfterEndOfMonth, BillLagDays = -3,
            SurchargeNo = 9_000_000_001, AutoBillOrders = true,
            Reminders = new PaymentReminderSettings
            {
                Enabled = true, ActiveAccountsOnly = true,
                Rows =
                [
                    new PaymentReminderRow { ReminderNo = 1, DaysUntilNotification = 0, Recipients = ReminderRecipients.Administrative },
                    new PaymentReminderRow { ReminderNo = 3, DaysUntilNotification = 12, Template = "Zahlungserinnerung – 3", Recipients = ReminderRecipients.All },
                ],
            },
        };
        var plain = Term("Net 30");

        var saved = await AddAsync(store, full);
        var savedPlain = await AddAsync(store, plain);

        Assert.Equal(full with { Number = 1, Version = 1 }, saved);
        Assert.Equal(saved, await store.GetAsync(Client, PaymentTermKey.ByNumber(1)));
        Assert.Equal(plain with { Number = 2, Version = 1 }, await store.GetAsync(Client, PaymentTermKey.ByName("Net 30")));
        Assert.Equal(savedPlain, await store.GetAsync(Client, PaymentTermKey.ByClientId("Net 30")));
    }

    /// <summary>Each key matches its own identifier exactly, within the client.</summary>
    [StoreFact]
    public async Task Get_ByEachKey_ExactlyAndWithinTheClient()
    {
        var store = CreateStore();
        var term = await AddAsync(store, Term("Net 30", "N30"));

        Assert.Equal(term, await store.GetAsync(Client, PaymentTermKey.ByName("Net 30")));
        Assert.Equal(term, await store.GetAsync(Client, PaymentTermKey.ByClientId("N30")));
        Assert.Equal(term, await store.GetAsync(Client, PaymentTermKey.ByNumber(term.Number)));
        Assert.Null(await store.GetAsync(Client, PaymentTermKey.ByName("N30")));
        Assert.Null(await store.GetAsync(Client, PaymentTermKey.ByClientId("Net 30")));
        Assert.Null(await store.GetAsync(Client, PaymentTermKey.ByName("net 30")));
        Assert.Null(await store.GetAsync(Client, PaymentTermKey.ByName("Net 30\0")));
        Assert.Null(await store.GetAsync(Other, PaymentTermKey.ByName("Net 30")));
        Assert.Null(await store.GetAsync(Other, PaymentTermKey.ByNumber(term.Number)));
    }

    /// <summary>Listing gives the client's terms by number.</summary>
    [StoreFact]
    public async Task List_TheClientsTerms_ByNumber()
    {
        var store = CreateStore();
        foreach (var name in new[] { "Z", "A", "M" })
        {
            await AddAsync(store, Term(name));
        }

        await AddAsync(store, Term("B", client: Other));

        Assert.Equal(["Z", "A", "M"], (await store.ListAsync(Client)).Select(t => t.Name));
        Assert.Empty(await store.ListAsync(new ClientNumber(3000)));
    }

    /// <summary>Marking sets the flag for good; the version rises only when the flag changes; missing terms give null.</summary>
    [StoreFact]
    public async Task MarkAssigned_SetsTheFlagOnce()
    {
        var store = CreateStore();
        var term = await AddAsync(store, Term("Net 30"));

        var marked = await store.MarkAssignedAsync(Client, term.Number);
        var again = await store.MarkAssignedAsync(Client, term.Number);

        Assert.Equal(term with { EverAssigned = true, Version = 2 }, marked);
        Assert.Equal(marked, again);
        Assert.Null(await store.MarkAssignedAsync(Client, 99));
        Assert.Null(await store.MarkAssignedAsync(Other, term.Number));
    }

    /// <summary>Terms never assigned are deleted by any key; assigned terms are kept; unknown keys are not found.</summary>
    [StoreFact]
    public async Task DeleteIfNeverAssigned_DeletesOnlyTermsNeverAssigned()
    {
        var store = CreateStore();
        var a = await AddAsync(store, Term("A", "a-id"));
        var b = await AddAsync(store, Term("B", "b-id"));
        var c = await AddAsync(store, Term("C", "c-id"));
        var assigned = await store.MarkAssignedAsync(Client, b.Number);

        Assert.Equal(new PaymentTermDeletion(PaymentTermDeleteOutcome.Deleted, a), await store.DeleteIfNeverAssignedAsync(Client, PaymentTermKey.ByClientId("a-id")));
        Assert.Equal(new PaymentTermDeletion(PaymentTermDeleteOutcome.Assigned, assigned), await store.DeleteIfNeverAssignedAsync(Client, PaymentTermKey.ByName("B")));
        Assert.Equal(new PaymentTermDeletion(PaymentTermDeleteOutcome.NotFound, null), await store.DeleteIfNeverAssignedAsync(Other, PaymentTermKey.ByNumber(c.Number)));
        Assert.Equal(new PaymentTermDeletion(PaymentTermDeleteOutcome.Deleted, c), await store.DeleteIfNeverAssignedAsync(Client, PaymentTermKey.ByNumber(c.Number)));
        Assert.Equal(new PaymentTermDeletion(PaymentTermDeleteOutcome.NotFound, null), await store.DeleteIfNeverAssignedAsync(Client, PaymentTermKey.ByName("A")));

        Assert.Equal([assigned!], await store.ListAsync(Client));
    }

    /// <summary>A deleted term's name and id may be used again, its number never.</summary>
    [StoreFact]
    public async Task Delete_FreesTheNameButNotTheNumber()
    {
        var store = CreateStore();
        await AddAsync(store, Term("A"));
        var last = await AddAsync(store, Term("B"));
        await store.DeleteIfNeverAssignedAsync(Client, PaymentTermKey.ByNumber(last.Number));

        var again = await AddAsync(store, Term("B"));

        Assert.Equal(3, again.Number);
        Assert.Null(await store.MarkAssignedAsync(Client, last.Number));
    }

    /// <summary>An assignment and a delete racing on the same terms never both succeed, on any store.</summary>
    [StoreFact]
    public async Task AssignAndDelete_Racing_NeverBothSucceed()
    {
        var store = CreateStore();
        for (var round = 0; round < 25; round++)
        {
            var term = await AddAsync(store, Term($"T{round}"));
            using var start = new ManualResetEventSlim();
            var assign = Task.Run(async () => { start.Wait(); return await store.MarkAssignedAsync(Client, term.Number); });
            var delete = Task.Run(async () => { start.Wait(); return await store.DeleteIfNeverAssignedAsync(Client, PaymentTermKey.ByName(term.Name)); });
            start.Set();

            var (marked, deletion) = (await assign, await delete);

            Assert.True(marked is null ^ deletion.Outcome == PaymentTermDeleteOutcome.Assigned, $"round {round}: marked {marked is not null}, delete {deletion.Outcome}");
            Assert.Equal(marked is null, deletion.Outcome == PaymentTermDeleteOutcome.Deleted);
            Assert.Equal(marked, await store.GetAsync(Client, PaymentTermKey.ByNumber(term.Number)));
        }
    }

    /// <summary>Concurrent adds get distinct consecutive numbers, and of several adds of one name exactly one succeeds.</summary>
    [StoreFact]
    public async Task Add_Concurrent_NumbersStayConsecutive_AndANameIsTakenOnce()
    {
        var store = CreateStore();

        var distinct = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => store.AddAsync(Term($"T{i}")))));
        var same = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => store.AddAsync(Term("Same", $"id-{i}")))));

        Assert.Equal(Enumerable.Range(1, 12).Select(n => (long)n), distinct.Select(r => r.Term!.Number).Order());
        Assert.Equal(13, Assert.Single(same, r => r.Added).Term!.Number);
        Assert.All(same.Where(r => !r.Added), r => Assert.Equal(PaymentTermConflict.NameTaken, r.Conflict));
        Assert.Equal(13, (await store.ListAsync(Client)).Count);
    }
}

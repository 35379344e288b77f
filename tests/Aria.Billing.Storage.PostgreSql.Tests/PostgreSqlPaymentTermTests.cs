using Aria.Billing.Invoicing;
using Aria.Billing.Testing.Skipping;

namespace Aria.Billing.Storage.PostgreSql.Tests;

// spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), delete_payment_terms_m: "the removal of payment terms only if the
// payment terms have never been assigned to any account's billing group" — held across nodes sharing one database.
[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlPaymentTermTests : IDisposable
{
    private static readonly ClientNumber Client = new(1000);
    private readonly PostgresSchemas _schemas = new();

    [StoreFact]
    public async Task TwoNodes_AssigningAndDeletingTheSameTerms_NeverBothSucceed()
    {
        var schema = _schemas.NewSchema();
        var nodeA = new PaymentTermCatalog(_schemas.NewStorage(schema).PaymentTerms);
        var nodeB = new PaymentTermCatalog(_schemas.NewStorage(schema).PaymentTerms);
        var assignedCount = 0;

        for (var round = 0; round < 40; round++)
        {
            var name = $"Net {round}";
            await nodeA.CreateAsync(Client, new PaymentTermRequest { Name = name, DaysUntilDue = 30 });
            using var start = new ManualResetEventSlim();
            var assign = Task.Run(async () =>
            {
                start.Wait();
                return await nodeA.AssignToBillingGroupAsync(Client, new BillingGroupPaymentRequest { Option = PaymentOption.Terms, Term = PaymentTermKey.ByClientId(name) });
            });
            var delete = Task.Run(async () => { start.Wait(); return await nodeB.DeleteAsync(Client, PaymentTermKey.ByName(name)); });
            start.Set();

            var (assigned, deleted) = (await assign, await delete);

            Assert.True(assigned.IsSuccess ^ deleted.IsSuccess, $"round {round}: assigned {assigned}, deleted {deleted}");
            Assert.Equal(assigned.IsSuccess, (await nodeB.GetAsync(Client, PaymentTermKey.ByName(name))).IsSuccess);
            assignedCount += assigned.IsSuccess ? 1 : 0;
        }

        Assert.Equal(assignedCount, (await nodeA.ListAsync(Client)).Count);
    }

    [StoreFact]
    public async Task TwoNodes_CreatingTerms_GetConsecutiveNumbers_AndOneNameOnce()
    {
        var schema = _schemas.NewSchema();
        var nodes = new[] { _schemas.NewStorage(schema).PaymentTerms, _schemas.NewStorage(schema).PaymentTerms };

        var added = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            nodes[i % 2].AddAsync(new PaymentTerm { Client = Client, Name = i % 3 == 0 ? "Shared" : $"T{i}", ClientId = $"id-{i}" }))));

        Assert.Equal(21, added.Count(r => r.Added)); // 20 distinct names and one "Shared"
        Assert.Equal(Enumerable.Range(1, 21).Select(n => (long)n), added.Where(r => r.Added).Select(r => r.Term!.Number).Order());
        Assert.All(added.Where(r => !r.Added), r => Assert.Equal(PaymentTermConflict.NameTaken, r.Conflict));
    }

    public void Dispose() => _schemas.Dispose();
}

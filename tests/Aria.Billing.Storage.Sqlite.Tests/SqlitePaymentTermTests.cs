using Aria.Billing.Invoicing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aria.Billing.Storage.Sqlite.Tests;

// spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151): create_payment_terms_m, delete_payment_terms_m ("only if the payment
// terms have never been assigned to any account's billing group"), kept in the embedded file.
public sealed class SqlitePaymentTermTests : IDisposable
{
    private static readonly ClientNumber Client = new(1000);
    private readonly TempDatabase _files = new();

    [Fact]
    public async Task UseSqlite_AndAddInvoicing_InEitherOrder_PutThePaymentTermsInTheFile()
    {
        foreach (var sqliteFirst in new[] { true, false })
        {
            var path = _files.NewPath();
            var builder = Host.CreateApplicationBuilder();
            var billing = builder.Services.AddAriaBilling();
            if (sqliteFirst)
            {
                billing.UseSqlite(o => o.Path = path).AddInvoicing();
            }
            else
            {
                billing.AddInvoicing().UseSqlite(o => o.Path = path);
            }

            using var host = builder.Build();
            await host.StartAsync();

            Assert.Same(host.Services.GetRequiredService<SqliteStorage>().PaymentTerms, host.Services.GetRequiredService<IPaymentTermStore>());
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Catalog_OverTheFile_KeepsTermsAndTheirAssignmentAcrossReopening()
    {
        var path = _files.NewPath();
        var catalog = new PaymentTermCatalog(_files.NewStorage(path).PaymentTerms);
        var created = (await catalog.CreateAsync(Client, new PaymentTermRequest
        {
            Name = "EAN 30", ClientId = "EAN30", Type = PaymentTermsType.EanGln, DaysUntilDue = 30,
            Reminders = new PaymentReminderSettings { Enabled = true, Rows = [new PaymentReminderRow { ReminderNo = 2, DaysUntilNotification = 20, Recipients = ReminderRecipients.Billing }] },
        })).Value;
        await catalog.AssignToBillingGroupAsync(Client, new BillingGroupPaymentRequest
        {
            Option = PaymentOption.Terms, Term = PaymentTermKey.ByClientId("EAN30"), EanGlnNumber = "5790000000005", EanGlnRequisitionNumber = "PO-17",
        });
        SqliteConnection.ClearAllPools();

        var reopened = new PaymentTermCatalog(_files.NewStorage(path).PaymentTerms);
        var refused = await reopened.DeleteAsync(Client, PaymentTermKey.ByName("EAN 30"));

        Assert.Equal(created with { EverAssigned = true, Version = 2 }, (await reopened.GetAsync(Client, PaymentTermKey.ByNumber(1))).Value);
        Assert.True(refused.HasError(InvoicingErrorCodes.PaymentTermAssigned));
    }

    public void Dispose() => _files.Dispose();
}

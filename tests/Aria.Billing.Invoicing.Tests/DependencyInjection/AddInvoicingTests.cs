using Aria.Billing.Invoicing.Tests.Reminders;
using Aria.Billing.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Aria.Billing.Invoicing.Tests.Reminders.ReminderFacts;

namespace Aria.Billing.Invoicing.Tests.DependencyInjection;

public sealed class AddInvoicingTests
{
    private static readonly LocalDate Day = new(2025, 4, 15);

    // spec: release-6.50.txt, Enhanced Payment Terms (DEV-7151): the package's engines, registered once however often AddInvoicing is called.
    [Fact]
    public void AddInvoicing_Twice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddAriaBilling().AddInvoicing().AddJobs();
        var twice = new ServiceCollection();
        twice.AddAriaBilling().AddInvoicing().AddJobs();
        twice.AddAriaBilling().AddInvoicing().AddJobs();

        Assert.Equal(once.Count, twice.Count);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms (DEV-7151): payment terms, their reminders and the taxable address order, wired by AddInvoicing.
    [Fact]
    public async Task AddInvoicing_RegistersTheCatalogOverTheInMemoryStore_AndTheResolverOverTheOptions()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddInvoicing(o => o.Defaults.TaxableAddressOrder = [ContactRole.Billing, ContactRole.Account]);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var catalog = provider.GetRequiredService<PaymentTermCatalog>();
        var term = (await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "Net 30", DaysUntilDue = 30 })).Value;
        var address = new PostalAddress { Line1 = "1 Main St", City = "Springfield", Country = "US" };
        var contacts = new AccountContacts { Account = new Contact { Address = address }, Billing = new Contact { Address = address } };

        Assert.IsType<InMemoryPaymentTermStore>(provider.GetRequiredService<IPaymentTermStore>());
        Assert.Equal(term, await provider.GetRequiredService<IPaymentTermStore>().GetAsync(Client, PaymentTermKey.ByName("Net 30")));
        Assert.Equal(ContactRole.Billing, provider.GetRequiredService<TaxableAddressResolver>().Resolve(Client, contacts).Value.Role);
        Assert.Same(catalog, provider.GetRequiredService<PaymentTermCatalog>());
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder: the reminders the job sends through the host's services.
    [Fact]
    public async Task AddInvoicingAndJobs_RunThePaymentRemindersJob_OverTheHostsProviderAndSender()
    {
        var host = new ReminderHost();
        host.Accounts[Account] = ActiveAccount();
        var services = new ServiceCollection();
        services.AddSingleton<IInvoiceLedgerStore>(host.Ledger);
        services.AddSingleton<IReminderAccountProvider>(host);
        services.AddSingleton<IPaymentReminderSender>(host);
        services.AddAriaBilling().AddJobs().AddInvoicing();
        await host.AddAsync(Invoice(1, Day.PlusDays(-10)));
        using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<JobRunner>();

        var run = await runner.CreateRunAsync(ReminderHost.Daily, Day);
        var done = (await runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal(BatchStatus.Ok, done.Status);
        Assert.Equal([new ReminderKey(Client, 1, 1)], host.Sent.Select(r => r.Key));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder: reminders need the host's accounts and sender.
    [Fact]
    public async Task AddInvoicing_WithoutTheHostsProvider_StartsAndTheJobFailsNamingWhatToRegister()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddInvoicing().AddJobs();
        using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<JobRunner>(); // a host without reminders resolves its runner

        var run = await runner.CreateRunAsync(ReminderHost.Daily, Day);
        var done = (await runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal(BatchStatus.Error, done.Status);
        Assert.Contains("register the host's view of its accounts", done.Jobs[0].Error, StringComparison.Ordinal);
        Assert.Contains(nameof(IReminderAccountProvider), done.Jobs[0].Error, StringComparison.Ordinal);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder: reminders need the host's accounts and sender.
    [Fact]
    public async Task AddInvoicing_WithoutTheHostsSender_FailsTheJobNamingWhatToRegister()
    {
        var host = new ReminderHost();
        host.Accounts[Account] = ActiveAccount();
        await host.AddAsync(Invoice(1, Day.PlusDays(-10)));
        var services = new ServiceCollection();
        services.AddSingleton<IInvoiceLedgerStore>(host.Ledger);
        services.AddSingleton<IReminderAccountProvider>(host);
        services.AddAriaBilling().AddInvoicing().AddJobs();
        using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<JobRunner>();

        var run = await runner.CreateRunAsync(ReminderHost.Daily, Day);
        var done = (await runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal(BatchStatus.Error, done.Status);
        Assert.Contains(nameof(IPaymentReminderSender), done.Jobs[0].Error, StringComparison.Ordinal);
        Assert.Empty(await provider.GetRequiredService<IJobRunStore>().ListWorkItemsAsync(run.Id, 0));
    }
}

using System.Collections.Concurrent;
using Aria.Billing.Jobs;
using Aria.Billing.Testing;
using static Aria.Billing.Invoicing.Tests.Reminders.ReminderFacts;

namespace Aria.Billing.Invoicing.Tests.Reminders;

/// <summary>
/// A host for the payment-reminders job: the ledger in memory, accounts held in a dictionary, a sender that records every
/// send (and can fail chosen reminders once), and a runner with one daily schedule holding the job.
/// </summary>
internal sealed class ReminderHost : IReminderAccountProvider, IPaymentReminderSender
{
    public ReminderHost()
    {
        Job = new PaymentReminderJob(Ledger, this, this);
        Runner = NewRunner("node-a");
    }

    public static JobSchedule Daily { get; } = new()
    {
        Name = "daily-reminders",
        Client = Client,
        Calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(6, 0), DateTimeZone.Utc),
        Jobs = [new JobDefinition("Payment Reminders", InvoicingJobTypes.PaymentReminders)],
    };

    public InMemoryInvoiceLedgerStore Ledger { get; } = new();

    public InMemoryJobRunStore Runs { get; } = new();

    public FakeClock Clock { get; } = FakeClock.AtUtc(new LocalDate(2025, 4, 1));

    public PaymentReminderJob Job { get; }

    public JobRunner Runner { get; }

    public ConcurrentDictionary<AccountNumber, ReminderAccount> Accounts { get; } = new();

    /// <summary>Every successful send, in order.</summary>
    public ConcurrentQueue<DueReminder> Sent { get; } = new();

    /// <summary>Reminders whose next send throws (once each).</summary>
    public ConcurrentDictionary<ReminderKey, bool> FailOnce { get; } = new();

    public JobRunner NewRunner(string worker) =>
        new(Runs, new Dictionary<string, IJobHandler> { [InvoicingJobTypes.PaymentReminders] = Job }, Clock, new JobRunnerOptions { WorkerId = worker, Workers = 2, ClaimBatch = 2 });

    public async Task AddAsync(params Invoice[] invoices)
    {
        foreach (var invoice in invoices)
        {
            Assert.True(await Ledger.AddInvoiceAsync(invoice));
        }
    }

    /// <summary>How many times each reminder was sent.</summary>
    public IReadOnlyDictionary<ReminderKey, int> SendCounts() => Sent.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Count());

    public ValueTask<IReadOnlyList<AccountNumber>> ListAccountsAsync(ClientNumber client, LocalDate date, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<AccountNumber>>([.. Accounts.Keys.Order()]);

    public ValueTask<ReminderAccount?> FindAccountAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Accounts.GetValueOrDefault(account));

    public async ValueTask SendAsync(DueReminder reminder, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        if (FailOnce.TryRemove(reminder.Key, out _))
        {
            throw new InvalidOperationException($"mail server refused reminder {reminder.Key}");
        }

        Sent.Enqueue(reminder);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Aria.Billing.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aria.Billing.Invoicing;

/// <summary>
/// The <see cref="InvoicingJobTypes.PaymentReminders"/> job: its work items are the payment reminders due on the run's date
/// (<see cref="PaymentReminderPlanner"/>, over the invoices of the ledger and the accounts of the host's
/// <see cref="IReminderAccountProvider"/>), one per <see cref="ReminderKey"/>; processing one checks that it is still due
/// and sends it through the host's <see cref="IPaymentReminderSender"/>.
/// </summary>
/// <remarks>
/// Each reminder is sent once: it is due on one date only, the Jobs runner keeps one run per schedule and date, a work item
/// key is added once per job, and a completed item is never processed again (not by a second execution, a reset or a
/// reprocess, which retries only failed items). A reminder found no longer due when its item is processed (the invoice
/// was paid meanwhile, the account entered dunning) completes without being sent.
/// </remarks>
public sealed class PaymentReminderJob : IJobHandler
{
    private readonly IInvoiceLedgerStore _ledger;
    private readonly Func<IReminderAccountProvider> _accounts;
    private readonly Func<IPaymentReminderSender> _sender;
    private readonly ILogger _logger;

    /// <summary>A job over the ledger's invoices, the host's accounts and its sender.</summary>
    public PaymentReminderJob(IInvoiceLedgerStore ledger, IReminderAccountProvider accounts, IPaymentReminderSender sender, ILogger<PaymentReminderJob>? logger = null)
        : this(ledger, Required(accounts), Required(sender), logger)
    {
    }

    /// <summary>As the public constructor, resolving the host's services at first use (DI: a host without reminders still starts).</summary>
    internal PaymentReminderJob(IInvoiceLedgerStore ledger, Func<IReminderAccountProvider> accounts, Func<IPaymentReminderSender> sender, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(sender);
        _ledger = ledger;
        _accounts = accounts;
        _sender = sender;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The keys of the reminders due on the run's date, one per client, invoice and reminder number, in order.</summary>
    public async ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var provider = _accounts();
        _ = _sender(); // a host without a sender fails the job here, not each of its items
        var keys = new List<string>();
        var accounts = await provider.ListAccountsAsync(run.Client, run.RunDate, cancellationToken).ConfigureAwait(false);
        foreach (var number in accounts.Distinct())
        {
            var account = await provider.FindAccountAsync(run.Client, number, cancellationToken).ConfigureAwait(false);
            if (account is null || account.InDunning)
            {
                continue;
            }

            var invoices = await _ledger.ListInvoicesAsync(run.Client, number, cancellationToken).ConfigureAwait(false);
            keys.AddRange(PaymentReminderPlanner.DueOn(run.Client, run.RunDate, account, invoices).Select(r => r.Key.ToString()));
        }

        ReminderLogMessages.RemindersDue(_logger, run.Client.Value, DateText(run), keys.Count);
        return keys;
    }

    /// <summary>Sends the reminder the item names if it is still due on the run's date; completes without sending when it is not.</summary>
    public async ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(item);
        if (!ReminderKey.TryParse(item.Key, out var key) || key.Client != run.Client)
        {
            return $"Work item '{item.Key}' is not a payment reminder of client {run.Client}: keys are client/invoice/reminder.";
        }

        var invoice = await _ledger.GetInvoiceAsync(key.Client, key.InvoiceNo, cancellationToken).ConfigureAwait(false);
        var account = invoice is null ? null : await _accounts().FindAccountAsync(key.Client, invoice.Account, cancellationToken).ConfigureAwait(false);
        var due = account is null ? null : PaymentReminderPlanner.DueOn(key.Client, run.RunDate, account, [invoice!]).FirstOrDefault(r => r.Key == key);
        if (due is null)
        {
            ReminderLogMessages.ReminderNoLongerDue(_logger, item.Key, DateText(run));
            return null;
        }

        await _sender().SendAsync(due, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static string DateText(ScheduleRun run) => run.RunDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static Func<T> Required<T>(T service, [CallerArgumentExpression(nameof(service))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(service, name);
        return () => service;
    }
}

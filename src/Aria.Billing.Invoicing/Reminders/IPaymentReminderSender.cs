namespace Aria.Billing.Invoicing;

/// <summary>Sends a payment reminder through the host's e-mail (or the billing system's notification) service.</summary>
public interface IPaymentReminderSender
{
    /// <summary>
    /// Sends <paramref name="reminder"/> with its row's template to its row's recipients; an exception fails the reminder's
    /// work item (reprocessing the job sends it again). The job calls this once per reminder; a transport that deduplicates
    /// on <see cref="DueReminder.Key"/> also keeps a send repeated after a crash between sending and recording from reaching
    /// the account twice.
    /// </summary>
    ValueTask SendAsync(DueReminder reminder, CancellationToken cancellationToken = default);
}

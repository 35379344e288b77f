namespace Aria.Billing.Invoicing;

/// <summary>The job types the invoicing package handles under the Jobs package's schedules (see <c>JobTypes</c> for the others).</summary>
public static class InvoicingJobTypes
{
    /// <summary>
    /// Sends the payment reminders due on the run's date (<see cref="PaymentReminderJob"/>): one work item per reminder, keyed
    /// by <see cref="ReminderKey"/>. Put it in one daily schedule of the client.
    /// </summary>
    public const string PaymentReminders = "payment-reminders";
}

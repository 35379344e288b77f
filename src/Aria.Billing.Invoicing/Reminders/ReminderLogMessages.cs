using Microsoft.Extensions.Logging;

namespace Aria.Billing.Invoicing;

/// <summary>The payment reminders' log events (source-generated; event ids 301–309).</summary>
internal static partial class ReminderLogMessages
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Payment reminders of client {Client} for {Date}: {Count} due")]
    public static partial void RemindersDue(ILogger logger, long client, string date, int count);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Payment reminder {Key} is no longer due on {Date} (invoice paid, voided or gone, account in dunning or no longer eligible): not sent")]
    public static partial void ReminderNoLongerDue(ILogger logger, string key, string date);
}

using System.Globalization;

namespace Aria.Billing.Invoicing;

/// <summary>
/// The natural key of one payment reminder: client, invoice and reminder number. It is the work item key of the
/// <see cref="InvoicingJobTypes.PaymentReminders"/> job (text <c>client/invoice/reminder</c>, such as <c>1000/52/2</c>) and
/// the idempotency key a sender can hand its transport, so each reminder is sent once.
/// </summary>
/// <param name="Client">The client.</param>
/// <param name="InvoiceNo">The invoice.</param>
/// <param name="ReminderNo">The reminder: 1, 2 or 3.</param>
public readonly record struct ReminderKey(ClientNumber Client, long InvoiceNo, int ReminderNo)
{
    /// <summary>The key as text: <c>client/invoice/reminder</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Client.Value}/{InvoiceNo}/{ReminderNo}");

    /// <summary>Reads a key written by <see cref="ToString"/>; <see langword="false"/> for any other text.</summary>
    public static bool TryParse(string? text, out ReminderKey key)
    {
        key = default;
        var parts = text?.Split('/');
        if (parts is not { Length: 3 }
            || !ClientNumber.TryParse(parts[0], out var client)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var invoice)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var reminder))
        {
            return false;
        }

        key = new ReminderKey(client, invoice, reminder);
        return true;
    }
}

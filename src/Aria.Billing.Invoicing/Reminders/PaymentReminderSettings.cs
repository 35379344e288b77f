namespace Aria.Billing.Invoicing;

/// <summary>
/// The payment reminders of payment terms or a payment method (spec: release-6.50.txt, Enhanced Payment Terms and Enhanced
/// Payment Methods, Send Payment Reminder Notifications): whether they are sent, whether only to active accounts, and up to
/// three reminder rows. Two settings are equal when their flags and rows are.
/// </summary>
public sealed record PaymentReminderSettings
{
    /// <summary>No reminders.</summary>
    public static PaymentReminderSettings Disabled { get; } = new();

    /// <summary>Whether reminders are sent (<c>pmt_reminder</c>); when not, the other values are ignored.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// Whether reminders go only to accounts that are active, billable and not in dunning
    /// (<c>pmt_reminder_active_accts_only</c>). Whatever its value, no reminder is sent while the account or the invoice's
    /// master plan instance is in dunning.
    /// </summary>
    public bool ActiveAccountsOnly { get; init; }

    /// <summary>The reminder rows, at most three, one per reminder number.</summary>
    public IReadOnlyList<PaymentReminderRow> Rows { get; init; } = [];

    /// <summary>The row numbered <paramref name="reminderNo"/>, or <see langword="null"/>.</summary>
    public PaymentReminderRow? Row(int reminderNo)
    {
        foreach (var row in Rows)
        {
            if (row is not null && row.ReminderNo == reminderNo)
            {
                return row;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(PaymentReminderSettings? other) =>
        other is not null && Enabled == other.Enabled && ActiveAccountsOnly == other.ActiveAccountsOnly && Rows.SequenceEqual(other.Rows);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Enabled, ActiveAccountsOnly, Rows.Count);
}

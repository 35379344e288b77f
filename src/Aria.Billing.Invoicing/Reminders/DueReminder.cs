using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>A payment reminder due on a date: which invoice, which reminder row (and the level that supplied it), to whom.</summary>
public sealed record DueReminder
{
    /// <summary>The reminder's natural key: client, invoice, reminder number.</summary>
    public required ReminderKey Key { get; init; }

    /// <summary>The account of the invoice.</summary>
    public required AccountNumber Account { get; init; }

    /// <summary>The invoice's bill date, which the reminder's days count from.</summary>
    public required LocalDate BillDate { get; init; }

    /// <summary>The day the reminder is due: the bill date plus the row's days.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The reminder row in force: days, template and recipients.</summary>
    public required PaymentReminderRow Row { get; init; }

    /// <summary>The level that supplied <see cref="Row"/>.</summary>
    public required ReminderLevel Source { get; init; }
}

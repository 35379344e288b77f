namespace Aria.Billing.Invoicing;

/// <summary>
/// What the payment reminders need to know of an account, as the billing system holds it now: its status, its dunning
/// state, the reminder settings of the payment terms or method it pays by, and the reminder rows its functional account
/// group and the account itself override. Supplied by the host's <see cref="IReminderAccountProvider"/>.
/// </summary>
public sealed record ReminderAccount
{
    /// <summary>The account.</summary>
    public required AccountNumber Account { get; init; }

    /// <summary>Whether the account's status is active.</summary>
    public required bool IsActive { get; init; }

    /// <summary>Whether the account is billable.</summary>
    public required bool IsBillable { get; init; }

    /// <summary>Whether the account is in the dunning process: then no reminder is sent.</summary>
    public bool InDunning { get; init; }

    /// <summary>The account's master plan instances in the dunning process: no reminder is sent for an invoice billing one of them.</summary>
    public IReadOnlyCollection<PlanInstanceNumber> PlanInstancesInDunning { get; init; } = [];

    /// <summary>
    /// The reminder settings of the payment terms or payment method the account pays by; <see langword="null"/> when it has
    /// none (no reminders, whatever the overrides).
    /// </summary>
    public PaymentReminderSettings? PaymentSettings { get; init; }

    /// <summary>
    /// The reminder settings of the terms or method of each billing group that pays otherwise than the account, by billing
    /// group id: an invoice billed under a listed group follows its group's settings, any other invoice <see cref="PaymentSettings"/>.
    /// </summary>
    public IReadOnlyDictionary<string, PaymentReminderSettings> BillingGroupSettings { get; init; } = new Dictionary<string, PaymentReminderSettings>();

    /// <summary>The reminder rows the account's functional account group overrides (each replaces the row of its number).</summary>
    public IReadOnlyList<PaymentReminderRow> FunctionalAccountGroupRows { get; init; } = [];

    /// <summary>The reminder rows the account overrides (each replaces the row of its number, over the functional account group's).</summary>
    public IReadOnlyList<PaymentReminderRow> AccountRows { get; init; } = [];
}

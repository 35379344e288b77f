using System.Globalization;

namespace Aria.Billing.Invoicing;

/// <summary>
/// Reads the text and number inputs of the payment terms APIs (spec: release-6.50.txt, Enhanced Payment Terms - API) into
/// their enums: case is ignored and surrounding white space dropped; anything else is refused with the rule's code.
/// </summary>
public static class PaymentTermInputs
{
    /// <summary>
    /// <c>pmt_reminder_notification_list</c> in either spelling (DESIGN §4: accept both, one enum): UI "Default",
    /// "Administrative", "Billing", "All"; API "Default", "Administrative", "Statement", "Both". Not given: Default.
    /// Anything else: <see cref="InvoicingErrorCodes.InvalidReminderRecipients"/>.
    /// </summary>
    public static AriaResult<ReminderRecipients> ParseRecipients(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReminderRecipients.Default;
        }

        return Normalize(text) switch
        {
            "default" => ReminderRecipients.Default,
            "administrative" => ReminderRecipients.Administrative,
            "billing" or "statement" => ReminderRecipients.Billing,
            "all" or "both" => ReminderRecipients.All,
            _ => new AriaError(
                InvoicingErrorCodes.InvalidReminderRecipients,
                $"pmt_reminder_notification_list '{Shorten(text)}' is not one of Default, Administrative, Billing (or Statement), All (or Both).",
                "pmt_reminder_notification_list"),
        };
    }

    /// <summary>
    /// <c>payments_returned</c>: 1 terms only, 2 methods only, 3 both; not given: both. Anything else:
    /// <see cref="InvoicingErrorCodes.InvalidPaymentsReturned"/>.
    /// </summary>
    public static AriaResult<PaymentsReturned> ParsePaymentsReturned(int? value) => value switch
    {
        null or 3 => PaymentsReturned.Both,
        1 => PaymentsReturned.Terms,
        2 => PaymentsReturned.Methods,
        _ => new AriaError(
            InvoicingErrorCodes.InvalidPaymentsReturned,
            $"payments_returned {value.Value.ToString(CultureInfo.InvariantCulture)} is not 1 (payment terms), 2 (payment methods) or 3 (both).",
            "payments_returned"),
    };

    /// <summary>
    /// <c>days_until_due_method</c>: "invoice" (the default when not given) or "current month". Anything else:
    /// <see cref="InvoicingErrorCodes.InvalidDaysUntilDueMethod"/>.
    /// </summary>
    public static AriaResult<DaysUntilDueMethod> ParseDaysUntilDueMethod(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DaysUntilDueMethod.AfterInvoiceDate;
        }

        return Normalize(text) switch
        {
            "invoice" => DaysUntilDueMethod.AfterInvoiceDate,
            "current month" => DaysUntilDueMethod.AfterEndOfMonth,
            _ => new AriaError(
                InvoicingErrorCodes.InvalidDaysUntilDueMethod,
                $"days_until_due_method '{Shorten(text)}' is not 'invoice' or 'current month'.",
                "days_until_due_method"),
        };
    }

    /// <summary>
    /// <c>payment_option</c>: "Methods" or "Terms"; required (1010). Anything else: <see cref="InvoicingErrorCodes.InvalidPaymentOption"/>.
    /// </summary>
    public static AriaResult<PaymentOption> ParsePaymentOption(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new AriaError(InvoicingErrorCodes.MissingRequiredParameter, "payment_option is required: Methods or Terms.", "payment_option");
        }

        return Normalize(text) switch
        {
            "methods" => PaymentOption.Methods,
            "terms" => PaymentOption.Terms,
            _ => new AriaError(InvoicingErrorCodes.InvalidPaymentOption, $"payment_option '{Shorten(text)}' is not Methods or Terms.", "payment_option"),
        };
    }

    /// <summary>Lower case, trimmed, inner runs of white space as one space.</summary>
    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

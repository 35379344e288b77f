using System.Globalization;

namespace Aria.Billing.Invoicing;

/// <summary>
/// The rules of payment terms and of a billing group's payment option (spec: release-6.50.txt, Enhanced Payment Terms and
/// its API part). Pure: every error found is returned, in input order.
/// </summary>
internal static class PaymentTermRules
{
    /// <summary>The most reminder rows payment terms or a payment method have: Payment Reminders 01, 02 and 03.</summary>
    internal const int MaxReminders = 3;

    /// <summary>New terms of <paramref name="client"/> from <paramref name="request"/> (number 0, not saved), or every rule it breaks.</summary>
    internal static AriaResult<PaymentTerm> Check(ClientNumber client, PaymentTermRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<AriaError>();
        var warnings = new List<AriaWarning>();

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new AriaError(InvoicingErrorCodes.MissingRequiredParameter, "pmt_terms_name is required.", "pmt_terms_name"));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(new AriaError(InvoicingErrorCodes.PaymentTermNameNotValid, "pmt_terms_name holds a control character.", "pmt_terms_name"));
        }

        var clientId = string.IsNullOrWhiteSpace(request.ClientId) ? name : request.ClientId.Trim();
        if (!string.IsNullOrWhiteSpace(request.ClientId) && clientId!.Any(char.IsControl))
        {
            errors.Add(new AriaError(InvoicingErrorCodes.PaymentTermNameNotValid, "client_pmt_term_id holds a control character.", "client_pmt_term_id"));
        }

        if (!Enum.IsDefined(request.Type))
        {
            errors.Add(new AriaError(
                InvoicingErrorCodes.InvalidPaymentTermsType, $"pmt_terms_type {(int)request.Type} is not 0 (Net Terms) or 1 (EAN/GLN).", "pmt_terms_type"));
        }

        if (request.DaysUntilDue < 0)
        {
            errors.Add(new AriaError(
                InvoicingErrorCodes.DaysUntilDueNegative, $"days_until_due {Text(request.DaysUntilDue)} is negative; it should be zero or more.", "days_until_due"));
        }

        if (!Enum.IsDefined(request.DaysUntilDueMethod))
        {
            errors.Add(new AriaError(
                InvoicingErrorCodes.InvalidDaysUntilDueMethod,
                $"days_until_due_method {(int)request.DaysUntilDueMethod} is not 'invoice' or 'current month'.",
                "days_until_due_method"));
        }

        if (request.SurchargeApplicable && request.SurchargeNo is not > 0)
        {
            errors.Add(new AriaError(
                InvoicingErrorCodes.SurchargeNumberRequired, "surcharge_applicable is true: surcharge_no should name the surcharge (a positive number).", "surcharge_no"));
        }

        var reminders = CheckReminders(request.Reminders, request.DaysUntilDue, errors, warnings);
        if (errors.Count > 0)
        {
            return AriaResult.Failure<PaymentTerm>(errors, warnings);
        }

        return AriaResult.Success(
            new PaymentTerm
            {
                Client = client,
                Name = name!,
                ClientId = clientId!,
                Type = request.Type,
                DaysUntilDue = request.DaysUntilDue,
                DaysUntilDueMethod = request.DaysUntilDueMethod,
                BillLagDays = request.BillLagDays,
                SurchargeNo = request.SurchargeApplicable ? request.SurchargeNo : null,
                AutoBillOrders = request.AutoBillOrders,
                Reminders = reminders,
            },
            warnings);
    }

    /// <summary>
    /// The reminder settings to keep: disabled ones are dropped whole (the spec: "If the pmt_reminder is set to False, these
    /// values are ignored"); enabled ones keep their rows in reminder order, each checked.
    /// </summary>
    private static PaymentReminderSettings CheckReminders(PaymentReminderSettings? settings, int daysUntilDue, List<AriaError> errors, List<AriaWarning> warnings)
    {
        if (settings is not { Enabled: true })
        {
            return PaymentReminderSettings.Disabled;
        }

        var rows = settings.Rows ?? [];
        if (rows.Count > MaxReminders)
        {
            errors.Add(new AriaError(
                InvoicingErrorCodes.TooManyPaymentReminders,
                $"{Text(rows.Count)} payment reminder rows were given; at most {Text(MaxReminders)} (Payment Reminders 01, 02 and 03).",
                "pmt_reminder_row"));
        }

        var seen = new HashSet<int>();
        var kept = new List<PaymentReminderRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row is null)
            {
                errors.Add(new AriaError(InvoicingErrorCodes.MissingRequiredParameter, "A pmt_reminder_row is empty.", "pmt_reminder_row"));
                continue;
            }

            if (row.ReminderNo is < 1 or > MaxReminders)
            {
                errors.Add(new AriaError(
                    InvoicingErrorCodes.PaymentReminderNumberNotValid, $"pmt_reminder_tmplt_no {Text(row.ReminderNo)} is not 1, 2 or 3.", "pmt_reminder_tmplt_no"));
            }
            else if (!seen.Add(row.ReminderNo))
            {
                errors.Add(new AriaError(
                    InvoicingErrorCodes.DuplicatePaymentReminder, $"Payment reminder {Text(row.ReminderNo)} is given twice.", "pmt_reminder_tmplt_no"));
            }

            if (row.DaysUntilNotification < 0)
            {
                errors.Add(new AriaError(
                    InvoicingErrorCodes.PaymentReminderDaysNegative,
                    $"pmt_reminder_days_until_notification {Text(row.DaysUntilNotification)} of payment reminder {Text(row.ReminderNo)} is negative; it counts days after the bill date.",
                    "pmt_reminder_days_until_notification"));
            }
            else if (daysUntilDue >= 0 && row.DaysUntilNotification >= daysUntilDue)
            {
                warnings.Add(new AriaWarning(
                    InvoicingErrorCodes.PaymentReminderNotBeforeDue,
                    $"Payment reminder {Text(row.ReminderNo)} is sent {Text(row.DaysUntilNotification)} days after the bill date; fewer than days_until_due ({Text(daysUntilDue)}) is recommended, as no reminder is sent in dunning."));
            }

            if (!Enum.IsDefined(row.Recipients))
            {
                errors.Add(new AriaError(
                    InvoicingErrorCodes.InvalidReminderRecipients,
                    $"pmt_reminder_notification_list {(int)row.Recipients} of payment reminder {Text(row.ReminderNo)} is not Default, Administrative, Billing (Statement) or All (Both).",
                    "pmt_reminder_notification_list"));
            }

            kept.Add(row with { Template = string.IsNullOrWhiteSpace(row.Template) ? null : row.Template.Trim() });
        }

        return settings with { Rows = [.. kept.OrderBy(r => r.ReminderNo)] };
    }

    /// <summary>
    /// The payment option of a billing group: with methods nothing of terms is kept; with terms, <paramref name="term"/> is
    /// the terms found for <see cref="BillingGroupPaymentRequest.Term"/> (<see langword="null"/>: none) and, when they are
    /// EAN/GLN terms, both EAN/GLN numbers are required.
    /// </summary>
    internal static AriaResult<BillingGroupPayment> CheckPayment(BillingGroupPaymentRequest request, PaymentTerm? term)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CheckOption(request) is { } refused)
        {
            return refused;
        }

        if (request.Option == PaymentOption.Methods)
        {
            return new BillingGroupPayment { Option = PaymentOption.Methods };
        }

        if (term is null)
        {
            return TermNotFoundForGroup(request.Term!.Value);
        }

        if (term.Type != PaymentTermsType.EanGln)
        {
            return new BillingGroupPayment { Option = PaymentOption.Terms, Term = term };
        }

        var number = request.EanGlnNumber?.Trim();
        var requisition = request.EanGlnRequisitionNumber?.Trim();
        var errors = new List<AriaError>(2);
        if (string.IsNullOrEmpty(number))
        {
            errors.Add(new AriaError(
                InvoicingErrorCodes.EanGlnNumberRequired, $"Payment terms '{term.Name}' are EAN/GLN terms: ean_gln_num is required.", "ean_gln_num"));
        }

        if (string.IsNullOrEmpty(requisition))
        {
            errors.Add(new AriaError(
                InvoicingErrorCodes.EanGlnRequisitionNumberRequired, $"Payment terms '{term.Name}' are EAN/GLN terms: ean_gln_requisition_num is required.", "ean_gln_requisition_num"));
        }

        return errors.Count > 0
            ? AriaResult.Failure<BillingGroupPayment>(errors)
            : new BillingGroupPayment { Option = PaymentOption.Terms, Term = term, EanGlnNumber = number, EanGlnRequisitionNumber = requisition };
    }

    /// <summary>What is wrong with the option before any terms are looked up: an undefined option, or terms without a key.</summary>
    internal static AriaError? CheckOption(BillingGroupPaymentRequest request) => request switch
    {
        _ when !Enum.IsDefined(request.Option) => new AriaError(
            InvoicingErrorCodes.InvalidPaymentOption, $"payment_option {(int)request.Option} is not Methods or Terms.", "payment_option"),
        { Option: PaymentOption.Terms, Term: null } => new AriaError(
            InvoicingErrorCodes.MissingRequiredParameter, "payment_option is Terms: client_payment_term_id is required.", "client_payment_term_id"),
        _ => null,
    };

    /// <summary>The terms a billing group names are not there (the billing group APIs name the id <c>client_payment_term_id</c>).</summary>
    internal static AriaError TermNotFoundForGroup(PaymentTermKey key) => new(
        InvoicingErrorCodes.PaymentTermNotFound,
        $"The client has no payment terms with {key}.",
        key.Kind == PaymentTermKeyKind.ClientId ? "client_payment_term_id" : key.InputName);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

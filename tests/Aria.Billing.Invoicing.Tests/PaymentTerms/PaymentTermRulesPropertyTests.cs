namespace Aria.Billing.Invoicing.Tests.PaymentTerms;

// spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), create_payment_terms_m: client_pmt_term_id defaults to the name,
// surcharge_no "is ignored if “surcharge_applicable” is set to false", the pmt_reminder_row values are ignored when pmt_reminder is
// false, Payment Reminders 01, 02 and 03 with days counted after the bill date.
public sealed class PaymentTermRulesPropertyTests
{
    private static readonly ClientNumber Client = new(1000);

    private static readonly Gen<string?> Names = Gen.Elements<string?>(null, "", "  ", "Net 30", " Net 60 ", "EAN\t", "N\u000130", "Zahlungsziel 14 Tage");

    private static readonly Gen<PaymentReminderRow?> Rows =
        from no in Gen.Frequency((6, Gen.Choose(1, 3)), (1, Gen.Choose(-2, 6)))
        from days in Gen.Frequency((6, Gen.Choose(0, 120)), (1, Gen.Choose(-40, -1)))
        from recipients in Gen.Frequency((6, Gen.Choose(0, 3)), (1, Gen.Choose(4, 9)))
        from template in Gen.Elements<string?>(null, "", "PR-1", " PR-2 ")
        from isNull in Gen.Frequency((20, Gen.Constant(false)), (1, Gen.Constant(true)))
        select isNull ? null : new PaymentReminderRow { ReminderNo = no, DaysUntilNotification = days, Recipients = (ReminderRecipients)recipients, Template = template };

    private static readonly Gen<PaymentTermRequest> Requests =
        from name in Names
        from clientId in Gen.Elements<string?>(null, "", "N30", " id ", "X\u0002")
        from type in Gen.Frequency((8, Gen.Choose(0, 1)), (1, Gen.Choose(2, 5)))
        from due in Gen.Frequency((8, Gen.Choose(0, 180)), (1, Gen.Choose(-30, -1)))
        from method in Gen.Frequency((8, Gen.Choose(0, 1)), (1, Gen.Choose(2, 4)))
        from lag in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(-400, 400).Select(d => (int?)d)))
        from surchargeApplies in ArbMap.Default.GeneratorFor<bool>()
        from surcharge in Gen.Elements<long?>(null, -1, 0, 7, 123456789012)
        from enabled in ArbMap.Default.GeneratorFor<bool>()
        from activeOnly in ArbMap.Default.GeneratorFor<bool>()
        from rowCount in Gen.Choose(0, 5)
        from rows in Gen.ArrayOf(Rows, rowCount)
        select new PaymentTermRequest
        {
            Name = name, ClientId = clientId, Type = (PaymentTermsType)type, DaysUntilDue = due, DaysUntilDueMethod = (DaysUntilDueMethod)method,
            BillLagDays = lag, SurchargeApplicable = surchargeApplies, SurchargeNo = surcharge,
            Reminders = new PaymentReminderSettings { Enabled = enabled, ActiveAccountsOnly = activeOnly, Rows = rows! },
        };

    /// <summary>The codes an independent reading of the rules expects, as a set.</summary>
    private static HashSet<AriaErrorCode> Expected(PaymentTermRequest r)
    {
        var codes = new HashSet<AriaErrorCode>();
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) codes.Add(AriaErrorCodes.MissingRequiredParameter);
        if (!string.IsNullOrEmpty(name) && name.Any(char.IsControl)) codes.Add(InvoicingErrorCodes.PaymentTermNameNotValid);
        if (!string.IsNullOrWhiteSpace(r.ClientId) && r.ClientId.Trim().Any(char.IsControl)) codes.Add(InvoicingErrorCodes.PaymentTermNameNotValid);
        if ((int)r.Type is not (0 or 1)) codes.Add(InvoicingErrorCodes.InvalidPaymentTermsType);
        if (r.DaysUntilDue < 0) codes.Add(InvoicingErrorCodes.DaysUntilDueNegative);
        if ((int)r.DaysUntilDueMethod is not (0 or 1)) codes.Add(InvoicingErrorCodes.InvalidDaysUntilDueMethod);
        if (r.SurchargeApplicable && !(r.SurchargeNo > 0)) codes.Add(InvoicingErrorCodes.SurchargeNumberRequired);
        if (r.Reminders!.Enabled)
        {
            var rows = r.Reminders.Rows;
            if (rows.Count > 3) codes.Add(InvoicingErrorCodes.TooManyPaymentReminders);
            if (rows.Any(x => x is null)) codes.Add(AriaErrorCodes.MissingRequiredParameter);
            var valid = rows.OfType<PaymentReminderRow>().ToArray();
            if (valid.Any(x => x.ReminderNo is < 1 or > 3)) codes.Add(InvoicingErrorCodes.PaymentReminderNumberNotValid);
            if (valid.Where(x => x.ReminderNo is >= 1 and <= 3).GroupBy(x => x.ReminderNo).Any(g => g.Count() > 1)) codes.Add(InvoicingErrorCodes.DuplicatePaymentReminder);
            if (valid.Any(x => x.DaysUntilNotification < 0)) codes.Add(InvoicingErrorCodes.PaymentReminderDaysNegative);
            if (valid.Any(x => (int)x.Recipients is < 0 or > 3)) codes.Add(InvoicingErrorCodes.InvalidReminderRecipients);
        }

        return codes;
    }

    [Fact]
    public void Property_CreateFailsExactlyOnTheBrokenRules()
    {
        Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            var result = PaymentTermRules.Check(Client, request);
            return result.Errors.Select(e => e.Code).ToHashSet().SetEquals(Expected(request));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_CreatedTerms_KeepOnlyWhatApplies()
    {
        Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            var result = PaymentTermRules.Check(Client, request);
            if (result.IsFailure)
            {
                return true;
            }

            var term = result.Value;
            var rows = term.Reminders.Rows;
            return term.Name == request.Name!.Trim()
                && term.ClientId == (string.IsNullOrWhiteSpace(request.ClientId) ? term.Name : request.ClientId.Trim())
                && term.SurchargeNo == (request.SurchargeApplicable ? request.SurchargeNo : null)
                && term.BillLagDays == request.BillLagDays
                && (request.Reminders!.Enabled || term.Reminders == PaymentReminderSettings.Disabled)
                && rows.Count <= 3
                && rows.Select(r => r.ReminderNo).SequenceEqual(rows.Select(r => r.ReminderNo).Order().Distinct())
                && rows.All(r => r.DaysUntilNotification >= 0 && r.ReminderNo is >= 1 and <= 3)
                && result.Warnings.Count == rows.Count(r => r.DaysUntilNotification >= term.DaysUntilDue);
        }).QuickCheckThrowOnFailure();
    }
}

using Aria.Billing.Testing;

namespace Aria.Billing.Invoicing.Tests.PaymentTerms;

public sealed class PaymentTermInputsTests
{
    // spec: release-6.50.txt, Enhanced Payment Terms (DEV-7151), Notification Recipients "Default / Administrative / Billing / All" and
    // Enhanced Payment Terms - API, pmt_reminder_notification_list "Default, Administrative, Statement, and Both". DESIGN §4: both, one enum.
    [Theory]
    [InlineData("Default", ReminderRecipients.Default)]
    [InlineData("Administrative", ReminderRecipients.Administrative)]
    [InlineData("Billing", ReminderRecipients.Billing)]
    [InlineData("Statement", ReminderRecipients.Billing)]
    [InlineData("All", ReminderRecipients.All)]
    [InlineData("Both", ReminderRecipients.All)]
    [InlineData(null, ReminderRecipients.Default)]
    [InlineData("  ", ReminderRecipients.Default)]
    public void ParseRecipients_AcceptsTheUiAndTheApiSpelling(string? text, ReminderRecipients expected)
    {
        Assert.Equal(expected, PaymentTermInputs.ParseRecipients(text).Value);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_notification_list "Allowable values are ...".
    [Fact]
    public void Property_ParseRecipients_IgnoresCaseAndSurroundingSpace_RefusesEverythingElse()
    {
        var words = new[] { "default", "administrative", "billing", "statement", "all", "both" };
        var spelled =
            from word in Gen.Elements(words)
            from mask in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), word.Length)
            from pad in Gen.Elements("", " ", "\t", "  ")
            select pad + new string(word.Select((c, i) => mask[i] ? char.ToUpperInvariant(c) : c).ToArray()) + pad;
        Prop.ForAll(spelled.ToArbitrary(), text => PaymentTermInputs.ParseRecipients(text).IsSuccess).QuickCheckThrowOnFailure();

        Prop.ForAll(ArbitraryText.Any.ToArbitrary(), text =>
        {
            var result = PaymentTermInputs.ParseRecipients(text);
            var known = string.IsNullOrWhiteSpace(text) || words.Contains(text.Trim().ToLowerInvariant());
            return known ? result.IsSuccess : result.HasError(InvoicingErrorCodes.InvalidReminderRecipients) && result.Errors[0].AssociatedInputs[0] == "pmt_reminder_notification_list";
        }).QuickCheckThrowOnFailure();
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), payments_returned: "1 - Return only payment terms array information.
    // 2 - Return only payment methods array information. 3 - Return both payment terms and payment methods arrays (default)."
    [Fact]
    public void Property_ParsePaymentsReturned_OneTwoThreeOrNothing_ElseRefused()
    {
        Assert.Equal(PaymentsReturned.Both, PaymentTermInputs.ParsePaymentsReturned(null).Value);
        Assert.True(PaymentTermInputs.ParsePaymentsReturned(1).Value.HasFlag(PaymentsReturned.Terms));
        Assert.False(PaymentTermInputs.ParsePaymentsReturned(1).Value.HasFlag(PaymentsReturned.Methods));
        Assert.False(PaymentTermInputs.ParsePaymentsReturned(2).Value.HasFlag(PaymentsReturned.Terms));
        Assert.True(PaymentTermInputs.ParsePaymentsReturned(3).Value.HasFlag(PaymentsReturned.Methods | PaymentsReturned.Terms));

        var values = Gen.OneOf(Gen.Choose(-10, 10), ArbMap.Default.GeneratorFor<int>());
        Prop.ForAll(values.ToArbitrary(), value =>
        {
            var result = PaymentTermInputs.ParsePaymentsReturned(value);
            return value is 1 or 2 or 3
                ? result.IsSuccess && (int)result.Value == value
                : result.HasError(InvoicingErrorCodes.InvalidPaymentsReturned) && result.Errors[0].AssociatedInputs[0] == "payments_returned";
        }).QuickCheckThrowOnFailure();
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), days_until_due_method: "invoice ... (default)", "current month".
    [Theory]
    [InlineData(null, DaysUntilDueMethod.AfterInvoiceDate)]
    [InlineData("invoice", DaysUntilDueMethod.AfterInvoiceDate)]
    [InlineData(" Current  Month ", DaysUntilDueMethod.AfterEndOfMonth)]
    public void ParseDaysUntilDueMethod_TheTwoValues(string? text, DaysUntilDueMethod expected)
    {
        Assert.Equal(expected, PaymentTermInputs.ParseDaysUntilDueMethod(text).Value);
        Assert.True(PaymentTermInputs.ParseDaysUntilDueMethod("end of month").HasError(InvoicingErrorCodes.InvalidDaysUntilDueMethod));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), payment_option: "Allowable values are “Methods” or “Terms”."
    [Fact]
    public void ParsePaymentOption_MethodsOrTerms_Required()
    {
        Assert.Equal(PaymentOption.Methods, PaymentTermInputs.ParsePaymentOption("Methods").Value);
        Assert.Equal(PaymentOption.Terms, PaymentTermInputs.ParsePaymentOption(" terms").Value);
        Assert.True(PaymentTermInputs.ParsePaymentOption(null).HasError(AriaErrorCodes.MissingRequiredParameter));
        Assert.True(PaymentTermInputs.ParsePaymentOption("Cash").HasError(InvoicingErrorCodes.InvalidPaymentOption));
    }
}

namespace Aria.Billing.Invoicing.Tests.PaymentTerms;

public sealed class PaymentTermCatalogTests
{
    private static readonly ClientNumber Client = new(1000);

    private static PaymentTermRequest Net30 => new() { Name = "Net 30", DaysUntilDue = 30 };

    private static PaymentReminderRow Row(int no, int days, ReminderRecipients to = ReminderRecipients.Default) =>
        new() { ReminderNo = no, DaysUntilNotification = days, Recipients = to };

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), client_pmt_term_id: "If no value is present, default to pmt_terms_name value."
    [Fact]
    public async Task Create_WithoutClientId_TakesTheNameAsClientId_AndTheFirstNumber()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());

        var term = (await catalog.CreateAsync(Client, Net30 with { Name = "  Net 30 " })).Value;

        Assert.Equal(("Net 30", "Net 30", 1L, 1L, false), (term.Name, term.ClientId, term.Number, term.Version, term.EverAssigned));
        Assert.Equal(PaymentTermsType.NetTerms, term.Type);
        Assert.Equal(DaysUntilDueMethod.AfterInvoiceDate, term.DaysUntilDueMethod);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), create_payment_terms_m (pmt_terms_name is the terms' name).
    [Fact]
    public async Task Create_WithoutName_Is1010()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());

        var result = await catalog.CreateAsync(Client, Net30 with { Name = "  ", ClientId = "N30" });

        var error = Assert.Single(result.Errors);
        Assert.Equal((AriaErrorCodes.MissingRequiredParameter, "pmt_terms_name"), (error.Code, error.AssociatedInputs.Single()));
        Assert.Empty(await catalog.ListAsync(Client));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), client_pmt_term_id "Client-defined identifier" and the
    // delete by name or client id: both identify terms, so each is unique per client (the default id is the name).
    [Fact]
    public async Task Create_DuplicateNameOrClientId_IsRefused_AndPerClient()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
        await catalog.CreateAsync(Client, Net30);

        var sameName = await catalog.CreateAsync(Client, Net30 with { ClientId = "other" });
        var idIsTheOthersName = await catalog.CreateAsync(Client, Net30 with { Name = "Thirty", ClientId = "Net 30" });
        var nameIsTheOthersDefaultId = await catalog.CreateAsync(Client, Net30 with { Name = "Net 60", ClientId = null });
        var otherClient = await catalog.CreateAsync(new ClientNumber(2000), Net30);

        Assert.True(sameName.HasError(InvoicingErrorCodes.PaymentTermNameTaken));
        Assert.True(idIsTheOthersName.HasError(InvoicingErrorCodes.ClientPaymentTermIdTaken));
        Assert.True(nameIsTheOthersDefaultId.IsSuccess);
        Assert.Equal(1, otherClient.Value.Number);
        Assert.Equal(["Net 30", "Net 60"], (await catalog.ListAsync(Client)).Select(t => t.Name));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), surcharge_no: "This value is ignored if “surcharge_applicable” is set to false."
    [Fact]
    public async Task Create_Surcharge_NumberDroppedWhenNotApplicable_RequiredWhenApplicable()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());

        var ignored = (await catalog.CreateAsync(Client, Net30 with { SurchargeApplicable = false, SurchargeNo = 7 })).Value;
        var kept = (await catalog.CreateAsync(Client, Net30 with { Name = "Net 30 card", SurchargeApplicable = true, SurchargeNo = 7 })).Value;
        var missing = await catalog.CreateAsync(Client, Net30 with { Name = "Net 30 fee", SurchargeApplicable = true });

        Assert.Equal((null, false), (ignored.SurchargeNo, ignored.SurchargeApplicable));
        Assert.Equal((7L, true), (kept.SurchargeNo, kept.SurchargeApplicable));
        Assert.Equal("surcharge_no", Assert.Single(missing.Errors, e => e.Code == InvoicingErrorCodes.SurchargeNumberRequired).AssociatedInputs.Single());
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_row: "If the pmt_reminder is set to False, these values are ignored."
    [Fact]
    public async Task Create_RemindersOff_DropsTheRows_EvenInvalidOnes()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
        var rows = new[] { Row(1, -3), Row(1, 5), Row(4, 1), Row(2, 2) };

        var term = (await catalog.CreateAsync(Client, Net30 with { Reminders = new PaymentReminderSettings { Enabled = false, ActiveAccountsOnly = true, Rows = rows } })).Value;

        Assert.Equal(PaymentReminderSettings.Disabled, term.Reminders);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms (DEV-7151), Send Payment Reminder Notifications: "Payment Reminders 01, 02, and 03";
    // Enhanced Payment Terms - API: pmt_reminder_days_until_notification is "the number of days the system waits after the account’s bill date".
    [Fact]
    public async Task Create_ReminderRows_ReportEveryBrokenRuleAtOnce()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
        var reminders = new PaymentReminderSettings
        {
            Enabled = true,
            Rows = [Row(1, 5), Row(1, 6), Row(4, -1), Row(2, 3, (ReminderRecipients)9)],
        };

        var result = await catalog.CreateAsync(Client, Net30 with { DaysUntilDue = -1, Reminders = reminders });

        Assert.Equal(
            [
                InvoicingErrorCodes.DaysUntilDueNegative, InvoicingErrorCodes.TooManyPaymentReminders, InvoicingErrorCodes.DuplicatePaymentReminder,
                InvoicingErrorCodes.PaymentReminderNumberNotValid, InvoicingErrorCodes.PaymentReminderDaysNegative, InvoicingErrorCodes.InvalidReminderRecipients,
            ],
            result.Errors.Select(e => e.Code));
        Assert.Empty(await catalog.ListAsync(Client));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_days_until_notification: "It is recommended that this
    // value be less than the “Days Until Due” value set in the days_until_due field".
    [Fact]
    public async Task Create_ReminderNotBeforeDue_IsSavedWithAWarning_RowsInReminderOrder()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
        var reminders = new PaymentReminderSettings
        {
            Enabled = true,
            ActiveAccountsOnly = true,
            Rows = [Row(3, 30, ReminderRecipients.All) with { Template = "  final " }, Row(1, 10)],
        };

        var result = await catalog.CreateAsync(Client, Net30 with { Reminders = reminders });

        Assert.True(result.IsSuccess);
        Assert.Equal(InvoicingErrorCodes.PaymentReminderNotBeforeDue, Assert.Single(result.Warnings).Code);
        Assert.Equal([1, 3], result.Value.Reminders.Rows.Select(r => r.ReminderNo));
        Assert.Equal("final", result.Value.Reminders.Row(3)!.Template);
        Assert.True(result.Value.Reminders.ActiveAccountsOnly);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_terms_type "0: Net Terms and 1: EAN/GLN", days_until_due_method
    // "invoice" or "current month".
    [Fact]
    public async Task Create_UndefinedEnums_AreRefusedWithTheirCodes()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());

        var result = await catalog.CreateAsync(Client, Net30 with { Type = (PaymentTermsType)2, DaysUntilDueMethod = (DaysUntilDueMethod)5, Name = "Net\u000130" });

        Assert.Equal(
            [InvoicingErrorCodes.PaymentTermNameNotValid, InvoicingErrorCodes.InvalidPaymentTermsType, InvoicingErrorCodes.InvalidDaysUntilDueMethod],
            result.Errors.Select(e => e.Code));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), days_until_due_method: "If the account is invoiced monthly, the Days
    // Until Due = 10, and the current date is March 15th, then the Due Date is March 25th ... the due date is April 10th."
    [Fact]
    public async Task DueDate_FollowsTheTermsMethod()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
        var invoice = (await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "Net 10", DaysUntilDue = 10 })).Value;
        var month = (await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "EOM 10", DaysUntilDue = 10, DaysUntilDueMethod = DaysUntilDueMethod.AfterEndOfMonth })).Value;

        Assert.Equal(new LocalDate(2025, 3, 25), invoice.DueDate(new LocalDate(2025, 3, 15)));
        Assert.Equal(new LocalDate(2025, 4, 10), month.DueDate(new LocalDate(2025, 3, 15)));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), delete_payment_terms_m: "the removal of payment terms only if the
    // payment terms have never been assigned to any account's billing group ... <pmt_terms_name> or <client_pmt_term_id> or <pmt_terms_no>".
    [Fact]
    public async Task Delete_NeverAssigned_ByAnyOfTheThreeKeys()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
        var a = (await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "A", ClientId = "a-id" })).Value;
        var b = (await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "B", ClientId = "b-id" })).Value;
        var c = (await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "C", ClientId = "c-id" })).Value;

        Assert.Equal(a, (await catalog.DeleteAsync(Client, PaymentTermKey.ByName("A"))).Value);
        Assert.Equal(b, (await catalog.DeleteAsync(Client, PaymentTermKey.ByClientId("b-id"))).Value);
        Assert.Equal(c, (await catalog.DeleteAsync(Client, PaymentTermKey.ByNumber(c.Number))).Value);
        Assert.Empty(await catalog.ListAsync(Client));

        var again = await catalog.DeleteAsync(Client, PaymentTermKey.ByName("A"));
        Assert.Equal((InvoicingErrorCodes.PaymentTermNotFound, "pmt_terms_name"), (again.Errors.Single().Code, again.Errors.Single().AssociatedInputs.Single()));
        Assert.Equal(4, (await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "A" })).Value.Number); // numbers are never reused
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), delete_payment_terms_m "only if the payment terms have never been assigned".
    [Fact]
    public async Task Delete_OnceAssigned_IsRefusedByEveryKey_Forever()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
        var term = (await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "Net 30", ClientId = "N30", DaysUntilDue = 30 })).Value;
        await catalog.AssignToBillingGroupAsync(Client, new BillingGroupPaymentRequest { Option = PaymentOption.Terms, Term = PaymentTermKey.ByClientId("N30") });
        await catalog.AssignToBillingGroupAsync(Client, new BillingGroupPaymentRequest { Option = PaymentOption.Methods }); // the group moves to methods

        foreach (var key in new[] { PaymentTermKey.ByName("Net 30"), PaymentTermKey.ByClientId("N30"), PaymentTermKey.ByNumber(term.Number) })
        {
            var refused = await catalog.DeleteAsync(Client, key);
            Assert.Equal((InvoicingErrorCodes.PaymentTermAssigned, key.InputName), (refused.Errors.Single().Code, refused.Errors.Single().AssociatedInputs.Single()));
        }

        Assert.True((await catalog.GetAsync(Client, PaymentTermKey.ByNumber(term.Number))).Value.EverAssigned);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), payment_option "Methods" or "Terms"; client_payment_term_id and the
    // EAN/GLN numbers, required "if a payment option is terms AND client payment term id matches a term in which the payment term type equals EAN/GLN".
    [Fact]
    public async Task Assign_EanGlnTerms_RequireBothNumbers_OtherTermsAndMethodsDropThem()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
        await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "EAN 30", ClientId = "EAN30", Type = PaymentTermsType.EanGln, DaysUntilDue = 30 });
        await catalog.CreateAsync(Client, new PaymentTermRequest { Name = "Net 30", ClientId = "N30", DaysUntilDue = 30 });
        var ean = new BillingGroupPaymentRequest { Option = PaymentOption.Terms, Term = PaymentTermKey.ByClientId("EAN30") };

        var missingBoth = await catalog.AssignToBillingGroupAsync(Client, ean with { EanGlnNumber = " " });
        var missingRequisition = await catalog.AssignToBillingGroupAsync(Client, ean with { EanGlnNumber = "5790000000005" });
        var ok = await catalog.AssignToBillingGroupAsync(Client, ean with { EanGlnNumber = " 5790000000005 ", EanGlnRequisitionNumber = "PO-17" });
        var net = await catalog.AssignToBillingGroupAsync(Client, ean with { Term = PaymentTermKey.ByClientId("N30"), EanGlnNumber = "5790000000005", EanGlnRequisitionNumber = "PO-17" });
        var methods = await catalog.AssignToBillingGroupAsync(Client, ean with { Option = PaymentOption.Methods, EanGlnNumber = "5790000000005", EanGlnRequisitionNumber = "PO-17" });

        Assert.Equal([InvoicingErrorCodes.EanGlnNumberRequired, InvoicingErrorCodes.EanGlnRequisitionNumberRequired], missingBoth.Errors.Select(e => e.Code));
        Assert.Equal(["ean_gln_requisition_num"], missingRequisition.Errors.Single().AssociatedInputs);
        Assert.Equal(("5790000000005", "PO-17", true), (ok.Value.EanGlnNumber, ok.Value.EanGlnRequisitionNumber, ok.Value.Term!.EverAssigned));
        Assert.Equal(("Net 30", (string?)null, (string?)null), (net.Value.Term!.Name, net.Value.EanGlnNumber, net.Value.EanGlnRequisitionNumber));
        Assert.Equal(new BillingGroupPayment { Option = PaymentOption.Methods }, methods.Value);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151): "a Payment Term or Payment Method is now required for a given Billing Group".
    [Fact]
    public async Task Assign_Terms_NeedExistingTerms_AndAKnownOption()
    {
        var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());

        var noKey = await catalog.AssignToBillingGroupAsync(Client, new BillingGroupPaymentRequest { Option = PaymentOption.Terms });
        var unknown = await catalog.AssignToBillingGroupAsync(Client, new BillingGroupPaymentRequest { Option = PaymentOption.Terms, Term = PaymentTermKey.ByClientId("N30") });
        var badOption = await catalog.AssignToBillingGroupAsync(Client, new BillingGroupPaymentRequest { Option = (PaymentOption)7 });

        Assert.Equal((AriaErrorCodes.MissingRequiredParameter, "client_payment_term_id"), (noKey.Errors.Single().Code, noKey.Errors.Single().AssociatedInputs.Single()));
        Assert.Equal((InvoicingErrorCodes.PaymentTermNotFound, "client_payment_term_id"), (unknown.Errors.Single().Code, unknown.Errors.Single().AssociatedInputs.Single()));
        Assert.Equal(InvoicingErrorCodes.InvalidPaymentOption, badOption.Errors.Single().Code);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), delete_payment_terms_m "only if ... never been assigned": an
    // assignment and a delete racing on the same terms never both succeed.
    [Fact]
    public async Task AssignAndDelete_Racing_NeverBothSucceed()
    {
        for (var round = 0; round < 200; round++)
        {
            var catalog = new PaymentTermCatalog(new InMemoryPaymentTermStore());
            await catalog.CreateAsync(Client, Net30);
            var assign = Task.Run(() => catalog.AssignToBillingGroupAsync(Client, new BillingGroupPaymentRequest { Option = PaymentOption.Terms, Term = PaymentTermKey.ByName("Net 30") }));
            var delete = Task.Run(() => catalog.DeleteAsync(Client, PaymentTermKey.ByName("Net 30")));

            var (assigned, deleted) = (await assign, await delete);

            Assert.True(assigned.IsSuccess ^ deleted.IsSuccess, $"round {round}: assigned {assigned}, deleted {deleted}");
            Assert.Equal(assigned.IsSuccess, (await catalog.ListAsync(Client)).Count == 1);
        }
    }
}

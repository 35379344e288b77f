namespace Aria.Billing.Invoicing.Tests.DueDates;

// spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), days_until_due_method.
public sealed class DueDateCalculatorTests
{
    [Fact]
    public void DueDate_SpecExample_Mar15Plus10_IsMar25AfterInvoiceDate()
    {
        Assert.Equal(new LocalDate(2025, 3, 25), DueDateCalculator.DueDate(new LocalDate(2025, 3, 15), 10, DaysUntilDueMethod.AfterInvoiceDate));
    }

    [Fact]
    public void DueDate_SpecExample_Mar15Plus10_IsApr10AfterEndOfMonth()
    {
        Assert.Equal(new LocalDate(2025, 4, 10), DueDateCalculator.DueDate(new LocalDate(2025, 3, 15), 10, DaysUntilDueMethod.AfterEndOfMonth));
    }

    [Fact]
    public void DueDate_EndOfMonth_AnyDayInMarchIsDueApr10()
    {
        // spec: "any day in March with 'Based on end of current month + 10 days' selected all bills on April 10th".
        for (var day = 1; day <= 31; day++)
        {
            Assert.Equal(new LocalDate(2025, 4, 10), DueDateCalculator.DueDate(new LocalDate(2025, 3, day), 10, DaysUntilDueMethod.AfterEndOfMonth));
        }
    }

    [Fact]
    public void DueDate_EndOfMonth_LeapFebruary()
    {
        Assert.Equal(new LocalDate(2024, 3, 10), DueDateCalculator.DueDate(new LocalDate(2024, 2, 3), 10, DaysUntilDueMethod.AfterEndOfMonth));
        Assert.Equal(new LocalDate(2023, 3, 10), DueDateCalculator.DueDate(new LocalDate(2023, 2, 3), 10, DaysUntilDueMethod.AfterEndOfMonth));
    }

    [Fact]
    public void DueDate_NegativeDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DueDateCalculator.DueDate(new LocalDate(2025, 3, 15), -1));
    }
}

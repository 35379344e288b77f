using NodaTime;

namespace Aria.Billing.Client;

/// <summary>What replacing a plan mid-period credits and charges.</summary>
/// <param name="PeriodStart">The billing period's first day.</param>
/// <param name="PeriodEnd">The day after its last.</param>
/// <param name="PeriodDays">Days in the period.</param>
/// <param name="DaysRemaining">Days from the effective date to the period's end.</param>
/// <param name="Credit">The old plan's unused days.</param>
/// <param name="Charge">The new plan's remaining days.</param>
/// <param name="Net">Charge minus credit.</param>
public sealed record ProrationPreview(LocalDate PeriodStart, LocalDate PeriodEnd, int PeriodDays, int DaysRemaining, Money Credit, Money Charge, Money Net);

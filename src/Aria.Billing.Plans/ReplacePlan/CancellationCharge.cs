namespace Aria.Billing.Plans;

/// <summary>A charge the replaced plan's cancellation invoices, whatever the directive, with its <c>line_type</c>.</summary>
/// <param name="Kind">Usage in arrears, recurring in arrears, or the cancellation fee.</param>
/// <param name="ServiceNo">The service charged; <see langword="null"/> for the plan's cancellation fee.</param>
public sealed record CancellationCharge(CancellationChargeKind Kind, long? ServiceNo)
{
    /// <summary>
    /// The line type: usage charge (6), recurring arrears charge (7); the manual's list names no cancellation fee, so the
    /// fee, a one-time charge, is an order charge (8).
    /// </summary>
    public LineType LineType => Kind switch
    {
        CancellationChargeKind.UsageInArrears => LineType.UsageCharge,
        CancellationChargeKind.RecurringInArrears => LineType.RecurringArrearsCharge,
        _ => LineType.OrderCharge,
    };
}

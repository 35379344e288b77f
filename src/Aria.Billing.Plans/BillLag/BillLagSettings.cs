namespace Aria.Billing.Plans;

/// <summary>The bill lag days set at each level for one master plan instance; <see langword="null"/> where a level sets none.</summary>
/// <param name="MasterPlanInstance">The master plan instance's own value.</param>
/// <param name="CollectionGroup">The collection group's value.</param>
/// <param name="PaymentTermsOrMethod">The payment terms' or payment method's value.</param>
public readonly record struct BillLagSettings(int? MasterPlanInstance, int? CollectionGroup, int? PaymentTermsOrMethod)
{
    /// <summary>These settings after an update of the instance value (a number sets it, <c>~</c> erases it).</summary>
    public BillLagSettings With(BillLagDaysInput input) => input.Kind switch
    {
        BillLagDaysInputKind.Value => this with { MasterPlanInstance = input.Days },
        BillLagDaysInputKind.Erase => this with { MasterPlanInstance = null },
        _ => this,
    };
}

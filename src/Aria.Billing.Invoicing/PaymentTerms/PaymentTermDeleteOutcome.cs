namespace Aria.Billing.Invoicing;

/// <summary>What <see cref="IPaymentTermStore.DeleteIfNeverAssignedAsync"/> did.</summary>
public enum PaymentTermDeleteOutcome
{
    /// <summary>The terms were deleted.</summary>
    Deleted = 0,

    /// <summary>No terms of the client have the key.</summary>
    NotFound = 1,

    /// <summary>The terms were assigned to a billing group at some time: kept.</summary>
    Assigned = 2,
}

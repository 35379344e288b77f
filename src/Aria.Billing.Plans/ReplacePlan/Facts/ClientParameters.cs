namespace Aria.Billing.Plans;

/// <summary>
/// The client's configuration parameters that the replace-plan rules read and that vary by client in the billing system
/// (the host-wide ones are <see cref="PlansOptions"/>).
/// </summary>
public sealed record ClientParameters
{
    /// <summary>Every parameter at its billing-system default.</summary>
    public static ClientParameters Default { get; } = new();

    /// <summary>
    /// "Allow MPI Level Usage Pooling" (Configuration > Billing > Invoice Settings): without it, <c>usage_pooling</c> true is
    /// refused with 14137.
    /// </summary>
    public bool AllowMpiLevelUsagePooling { get; init; }
}

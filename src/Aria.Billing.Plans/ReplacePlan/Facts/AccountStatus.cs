namespace Aria.Billing.Plans;

/// <summary>
/// An account's status, by the billing system's status codes. The codes named here are those the replace-plan rules single
/// out; any other code is a valid value: a positive one (active variants, active dunning …) allows plan changes, a negative
/// one does not support provisioning (14077).
/// </summary>
public enum AccountStatus
{
    /// <summary>-99: Archived. Plan changes are refused with 1049 ("Cannot add assignment for account with status code -99").</summary>
    Archived = -99,

    /// <summary>-3: Terminated. Provisioning is refused with 14077.</summary>
    Terminated = -3,

    /// <summary>-2: Cancelled. Provisioning is refused with 14077.</summary>
    Cancelled = -2,

    /// <summary>-1: Suspended. Provisioning is refused with 14077.</summary>
    Suspended = -1,

    /// <summary>0: Inactive. Plan changes are refused with 1049 ("Cannot add assignment for account with status code 0").</summary>
    Inactive = 0,

    /// <summary>1: Active.</summary>
    Active = 1,
}

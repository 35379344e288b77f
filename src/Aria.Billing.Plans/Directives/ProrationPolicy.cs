namespace Aria.Billing.Plans;

/// <summary>Which prorated amounts a mid-period plan change produces.</summary>
public enum ProrationPolicy
{
    /// <summary>No proration: no new recurring charges or credits (directives 1, 3, 8).</summary>
    None = 0,

    /// <summary>Honor the client's universal proration rule (directives 2, 7).</summary>
    ClientRule = 1,

    /// <summary>Force proration of both charges and credits (directives 4, 9).</summary>
    Full = 2,

    /// <summary>Force proration of charges only (directives 5, 10).</summary>
    ChargesOnly = 3,

    /// <summary>Force proration of credits only (directives 6, 11).</summary>
    CreditsOnly = 4,
}

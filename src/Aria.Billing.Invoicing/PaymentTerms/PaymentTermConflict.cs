namespace Aria.Billing.Invoicing;

/// <summary>Why a store added no payment terms.</summary>
public enum PaymentTermConflict
{
    /// <summary>Nothing stood in the way: the terms were added.</summary>
    None = 0,

    /// <summary>The client already has terms with the name.</summary>
    NameTaken = 1,

    /// <summary>The client already has terms with the client-defined id.</summary>
    ClientIdTaken = 2,
}

namespace Aria.Billing.ReferenceHost.Security;

/// <summary>What a role may do in a module. Create, Edit or Delete imply Read.</summary>
[Flags]
public enum HostAccess
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>See.</summary>
    Read = 1,

    /// <summary>Add.</summary>
    Create = 2,

    /// <summary>Change or run again.</summary>
    Edit = 4,

    /// <summary>Remove or discard.</summary>
    Delete = 8,
}

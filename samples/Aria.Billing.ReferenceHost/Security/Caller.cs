namespace Aria.Billing.ReferenceHost.Security;

/// <summary>The authenticated caller of a request: the client it acts for, who it is, and its role.</summary>
public sealed record Caller(ClientNumber Client, string Name, IReadOnlyDictionary<HostModule, HostAccess> Access)
{
    /// <summary>Whether the role allows <paramref name="needed"/> in <paramref name="module"/> (Create, Edit and Delete imply Read).</summary>
    public bool May(HostModule module, HostAccess needed)
    {
        var granted = Access.TryGetValue(module, out var access) ? access : HostAccess.None;
        if (granted != HostAccess.None)
        {
            granted |= HostAccess.Read;
        }

        return (granted & needed) == needed;
    }

    /// <summary>The caller the authentication filter put on the request.</summary>
    public static Caller Of(HttpContext context) =>
        context.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("The endpoint has no authentication filter.");
}

namespace Aria.Billing.ReferenceHost.Security;

/// <summary>The clients this host serves and the keys they call with (configuration section <c>AriaHost</c>).</summary>
public sealed class HostSecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AriaHost";

    /// <summary>The clients.</summary>
    public List<HostClient> Clients { get; set; } = [];

    /// <summary>
    /// Whether a key may come in the query string (<c>auth_key</c>), as the spec's API allows. Off by default (issue #15 item
    /// 8): a URL ends up in logs, proxies and browser history, so a key there is refused and belongs in <c>X-Aria-Auth-Key</c>.
    /// </summary>
    public bool AllowKeysInQuery { get; set; }
}

/// <summary>A client and its authorization keys.</summary>
public sealed class HostClient
{
    /// <summary>The client number (<c>client_no</c>).</summary>
    public long ClientNo { get; set; }

    /// <summary>The keys (<c>auth_key</c>), each with the role it grants.</summary>
    public List<HostKey> Keys { get; set; } = [];
}

/// <summary>An authorization key and what it may do per module.</summary>
public sealed class HostKey
{
    /// <summary>Who holds the key (recorded as the actor of what it changes).</summary>
    public string Name { get; set; } = "";

    /// <summary>The SHA-256 of the key, 64 hex digits (<see cref="HostKeyHash"/>): the host never holds the key itself.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>Access per module, e.g. <c>{ "Sync": "Read, Edit", "Jobs": "Read" }</c>; a module not named is denied.</summary>
    public Dictionary<HostModule, HostAccess> Access { get; set; } = [];
}

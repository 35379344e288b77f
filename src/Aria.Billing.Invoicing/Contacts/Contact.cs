namespace Aria.Billing.Invoicing;

/// <summary>A contact of an account: who it is, where notices go, where it is.</summary>
public sealed record Contact
{
    /// <summary>The contact's name.</summary>
    public string? Name { get; init; }

    /// <summary>The e-mail address notices go to.</summary>
    public string? Email { get; init; }

    /// <summary>The postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Whether a notice can be sent to the contact: it has an e-mail address with one @ between non-empty parts.</summary>
    public bool CanReceiveNotices =>
        Email is { } email && email.IndexOf('@') is var at and > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
        && !email.Any(char.IsWhiteSpace);
}

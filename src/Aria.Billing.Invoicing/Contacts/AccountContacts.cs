namespace Aria.Billing.Invoicing;

/// <summary>An account's contacts, and the cc and bcc addresses its invoice and statement notices also go to.</summary>
public sealed record AccountContacts
{
    /// <summary>The account contact.</summary>
    public Contact? Account { get; init; }

    /// <summary>The billing contact.</summary>
    public Contact? Billing { get; init; }

    /// <summary>The statement contact.</summary>
    public Contact? Statement { get; init; }

    /// <summary>The cc addresses of the account's invoice settings.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>The bcc addresses of the account's invoice settings.</summary>
    public IReadOnlyList<string> Bcc { get; init; } = [];

    /// <summary>The contact in <paramref name="role"/>, or <see langword="null"/>.</summary>
    public Contact? For(ContactRole role) => role switch
    {
        ContactRole.Account => Account,
        ContactRole.Billing => Billing,
        ContactRole.Statement => Statement,
        _ => null,
    };
}

namespace Aria.Billing.Invoicing;

/// <summary>
/// The taxable address of an account (spec: release-6.50.txt, Enhanced Payment Terms and Enhanced Payment Methods, Taxable
/// Address Configuration Setting, "Account Taxable Address To Use"): the contacts are tried in the client's order
/// (<see cref="InvoiceSettings.TaxableAddressOrder"/>, any order of account, billing and statement contacts) and "if any of
/// the contacts do not have information associated with them, the next contact in your selected order is checked until a
/// valid tax address is available". Resolved with <see cref="Precedence"/>; the answer names the contact.
/// </summary>
public sealed class TaxableAddressResolver
{
    private readonly InvoicingOptions _options;

    /// <summary>A resolver following each client's order in <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid (the key and the bad value are named).</exception>
    public TaxableAddressResolver(InvoicingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = InvoicingOptions.Rules.ThrowIfInvalid(options, nameof(options));
    }

    /// <summary>The taxable address of an account of <paramref name="client"/> with <paramref name="contacts"/>, in the client's order.</summary>
    public AriaResult<TaxableAddress> Resolve(ClientNumber client, AccountContacts contacts) =>
        Resolve(contacts, _options.For(client).TaxableAddressOrder);

    /// <summary>
    /// The address of the first contact in <paramref name="order"/> whose address is valid for tax; none:
    /// <see cref="InvoicingErrorCodes.TaxableAddressNotFound"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="order"/> is empty, or names a contact twice or one that is not a <see cref="ContactRole"/>.</exception>
    public static AriaResult<TaxableAddress> Resolve(AccountContacts contacts, IEnumerable<ContactRole> order)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(order);
        return Resolve(contacts, order as ContactRole[] ?? [.. order]);
    }

    private static AriaResult<TaxableAddress> Resolve(AccountContacts contacts, ContactRole[] order)
    {
        if (order.Length is 0 or > 3 || order.Distinct().Count() != order.Length || order.Any(r => !Enum.IsDefined(r)))
        {
            throw new ArgumentException($"The taxable-address order [{string.Join(", ", order)}] should name Account, Billing and Statement contacts, each at most once.", nameof(order));
        }

        Span<PrecedenceCandidate<ContactRole, Contact>> candidates = new PrecedenceCandidate<ContactRole, Contact>[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            candidates[i] = contacts.For(order[i]) is { Address.IsValidForTax: true } contact
                ? PrecedenceCandidate<ContactRole, Contact>.With(order[i], contact)
                : PrecedenceCandidate<ContactRole, Contact>.Without(order[i]);
        }

        var resolved = Precedence.Resolve<ContactRole, Contact>(candidates);
        return resolved.Found
            ? new TaxableAddress(resolved.Level, resolved.Value, resolved.Value.Address!)
            : new AriaError(
                InvoicingErrorCodes.TaxableAddressNotFound,
                $"No contact has a valid tax address (a first line, a city or postal code, and a country); tried {string.Join(", ", order)}.",
                "taxable_address");
    }
}

namespace Aria.Billing.Invoicing.Tests.TaxAddress;

// spec: release-6.50.txt, Enhanced Payment Terms (DEV-7151) and Enhanced Payment Methods (DEV-7182), Taxable Address Configuration Setting:
// "choose the order in which account, billing, and statement contacts are used to determine a taxable address ... If any of the contacts
// do not have information associated with them, the next contact in your selected order is checked until a valid tax address is available."
public sealed class TaxableAddressResolverTests
{
    private static readonly PostalAddress Valid = new() { Line1 = "1 Main St", City = "Springfield", Country = "US" };

    private static Contact At(PostalAddress? address, string name) => new() { Name = name, Address = address };

    private static readonly AccountContacts Contacts = new()
    {
        Account = At(Valid with { City = "Account City" }, "account"),
        Billing = At(Valid with { City = "Billing City" }, "billing"),
        Statement = At(Valid with { City = "Statement City" }, "statement"),
    };

    [Fact]
    public void Resolve_DefaultOrder_TakesTheAccountContact()
    {
        var resolver = new TaxableAddressResolver(new InvoicingOptions());

        var address = resolver.Resolve(new ClientNumber(1000), Contacts).Value;

        Assert.Equal((ContactRole.Account, "account", "Account City"), (address.Role, address.Contact.Name, address.Address.City));
    }

    [Fact]
    public void Resolve_TheClientsOwnOrder_AndTheNextContactWhenOneHasNoValidAddress()
    {
        var options = new InvoicingOptions();
        options.Clients[2000] = new InvoiceSettings { TaxableAddressOrder = [ContactRole.Statement, ContactRole.Billing, ContactRole.Account] };
        var resolver = new TaxableAddressResolver(options);
        var noStatementAddress = Contacts with { Statement = At(new PostalAddress { Line1 = "PO Box 4", Country = "US" }, "statement") };

        Assert.Equal(ContactRole.Statement, resolver.Resolve(new ClientNumber(2000), Contacts).Value.Role);
        Assert.Equal(ContactRole.Billing, resolver.Resolve(new ClientNumber(2000), noStatementAddress).Value.Role);
        Assert.Equal(ContactRole.Account, resolver.Resolve(new ClientNumber(2000), noStatementAddress with { Billing = null }).Value.Role);
        Assert.Equal(ContactRole.Account, resolver.Resolve(new ClientNumber(1000), noStatementAddress).Value.Role);
    }

    [Fact]
    public void Resolve_NoValidAddress_IsACodedError()
    {
        var result = TaxableAddressResolver.Resolve(new AccountContacts { Account = At(null, "a"), Billing = At(new PostalAddress { Line1 = "x" }, "b") }, [ContactRole.Account, ContactRole.Billing, ContactRole.Statement]);

        Assert.Equal(InvoicingErrorCodes.TaxableAddressNotFound, Assert.Single(result.Errors).Code);
        Assert.Contains("Account, Billing, Statement", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AnOrderNamingAContactTwice_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => TaxableAddressResolver.Resolve(Contacts, [ContactRole.Billing, ContactRole.Billing]));
        Assert.Throws<ArgumentException>(() => TaxableAddressResolver.Resolve(Contacts, []));
        Assert.Throws<ArgumentException>(() => new TaxableAddressResolver(new InvoicingOptions { Defaults = new InvoiceSettings { TaxableAddressOrder = [] } }));
    }

    [Fact]
    public void Property_TheAnswerIsAlwaysTheFirstValidContactInTheOrder()
    {
        var addresses = Gen.Elements<PostalAddress?>(
            null, Valid, Valid with { City = null, PostalCode = "12345" }, Valid with { Country = " " }, Valid with { Line1 = null }, Valid with { City = null });
        var contacts = Gen.Frequency((1, Gen.Constant<Contact?>(null)), (4, addresses.Select(a => (Contact?)At(a, "c"))));
        var permutations = new ContactRole[][]
        {
            [ContactRole.Account, ContactRole.Billing, ContactRole.Statement], [ContactRole.Account, ContactRole.Statement, ContactRole.Billing],
            [ContactRole.Billing, ContactRole.Account, ContactRole.Statement], [ContactRole.Billing, ContactRole.Statement, ContactRole.Account],
            [ContactRole.Statement, ContactRole.Account, ContactRole.Billing], [ContactRole.Statement, ContactRole.Billing, ContactRole.Account],
            [ContactRole.Billing], [ContactRole.Statement, ContactRole.Account],
        };
        var cases =
            from account in contacts
            from billing in contacts
            from statement in contacts
            from order in Gen.Elements(permutations)
            select (Contacts: new AccountContacts { Account = account, Billing = billing, Statement = statement }, Order: order);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var result = TaxableAddressResolver.Resolve(c.Contacts, c.Order);
            var firstValid = c.Order.Cast<ContactRole?>().FirstOrDefault(r => c.Contacts.For(r!.Value)?.Address?.IsValidForTax == true);
            return firstValid is { } role
                ? result.IsSuccess && result.Value.Role == role && ReferenceEquals(result.Value.Contact, c.Contacts.For(role)) && result.Value.Address.IsValidForTax
                : result.HasError(InvoicingErrorCodes.TaxableAddressNotFound);
        }).QuickCheckThrowOnFailure();
    }
}

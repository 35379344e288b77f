namespace Aria.Billing.Invoicing.Tests.PaymentTerms;

// spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), delete_payment_terms_m: "<pmt_terms_name> or <client_pmt_term_id> or <pmt_terms_no>".
public sealed class PaymentTermKeyTests
{
    private static readonly PaymentTerm Term = new() { Client = new ClientNumber(1000), Number = 4, Name = "Net 30", ClientId = "N30" };

    [Fact]
    public void Matches_EachKeyKindOnItsOwnIdentifier_Exactly()
    {
        Assert.True(Term.Matches(PaymentTermKey.ByNumber(4)));
        Assert.True(Term.Matches(PaymentTermKey.ByName("Net 30")));
        Assert.True(Term.Matches(PaymentTermKey.ByClientId("N30")));
        Assert.False(Term.Matches(PaymentTermKey.ByName("N30")));
        Assert.False(Term.Matches(PaymentTermKey.ByClientId("Net 30")));
        Assert.False(Term.Matches(PaymentTermKey.ByName("net 30")));
        Assert.False(Term.Matches(default));
    }

    [Fact]
    public void Key_NamesItsInput()
    {
        Assert.Equal("pmt_terms_no 4", PaymentTermKey.ByNumber(4).ToString());
        Assert.Equal("client_pmt_term_id 'N30'", PaymentTermKey.ByClientId("N30").ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentTermKey.ByNumber(0));
    }
}

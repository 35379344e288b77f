namespace Aria.Billing.Invoicing;

/// <summary>Which of the three identifiers of payment terms a <see cref="PaymentTermKey"/> holds.</summary>
public enum PaymentTermKeyKind
{
    /// <summary>The number the store gave (<c>pmt_terms_no</c>).</summary>
    Number = 0,

    /// <summary>The name (<c>pmt_terms_name</c>).</summary>
    Name = 1,

    /// <summary>The client-defined id (<c>client_pmt_term_id</c>).</summary>
    ClientId = 2,
}

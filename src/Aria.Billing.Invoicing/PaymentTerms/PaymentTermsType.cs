namespace Aria.Billing.Invoicing;

/// <summary>The kind of payment terms (spec: release-6.50.txt, Enhanced Payment Terms - API, <c>pmt_terms_type</c>).</summary>
public enum PaymentTermsType
{
    /// <summary>0: Net Terms (the default).</summary>
    NetTerms = 0,

    /// <summary>
    /// 1: EAN/GLN, European Article Numbers or Global Location Numbers: a billing group paying by these terms needs an EAN or
    /// GLN number and requisition number.
    /// </summary>
    EanGln = 1,
}

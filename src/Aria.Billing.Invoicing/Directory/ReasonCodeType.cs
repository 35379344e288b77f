namespace Aria.Billing.Invoicing;

/// <summary>What a reason code may be used for (Finance > Reason Code): a credit memo takes only Credit Memo codes, a rebill only Rebill codes.</summary>
public enum ReasonCodeType
{
    /// <summary>Credit memos.</summary>
    CreditMemo = 0,

    /// <summary>Rebills.</summary>
    Rebill = 1,

    /// <summary>Service credits and anything else.</summary>
    Other = 2,
}

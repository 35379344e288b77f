namespace Aria.Billing.Invoicing;

/// <summary>The notices the adjustments send (spec: release-6.50.txt, Credit Memo Events, Rebilling Template).</summary>
public enum NoticeKind
{
    /// <summary>Event 948, Credit Memo (Financial Transactions Notifications).</summary>
    CreditMemo = 0,

    /// <summary>Event 949, Credit Memo Voided.</summary>
    CreditMemoVoided = 1,

    /// <summary>A rebill, sent with the Rebill template.</summary>
    Rebill = 2,
}

namespace Aria.Billing.Invoicing;

/// <summary>
/// A client's invoice settings that the adjustments follow (Configuration > Billing > Invoice Settings and Taxation
/// Settings, spec: release-6.50.txt).
/// </summary>
public sealed class InvoiceSettings
{
    /// <summary>The credit memo sequence: start, digits, and the string added before or after the number.</summary>
    public NumberSequence CreditMemoNumbering { get; set; } = new();

    /// <summary>The rebill sequence: start, digits, and the string added before or after the number.</summary>
    public NumberSequence RebillNumbering { get; set; } = new();

    /// <summary>"Autocollect on Rebill": collect from the account when a rebill is saved.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool AutocollectOnRebill { get; set; }

    /// <summary>
    /// "Use Original Invoice due date for rebill": the rebill keeps the original's due date; otherwise its due date comes
    /// from the billing group's payment terms or method, counted from the rebill's date.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool UseOriginalDueDateForRebill { get; set; } = true;

    /// <summary>"Account Taxable Address To Use": the order in which contacts are tried for a valid tax address.</summary>
    /// <value>Default account, billing, statement.</value>
    public IList<ContactRole> TaxableAddressOrder { get; set; } = [ContactRole.Account, ContactRole.Billing, ContactRole.Statement];
}

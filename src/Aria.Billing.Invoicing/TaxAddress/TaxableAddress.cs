namespace Aria.Billing.Invoicing;

/// <summary>The address an account is taxed at, and the contact it was taken from.</summary>
/// <param name="Role">The contact whose address won: account, billing or statement.</param>
/// <param name="Contact">That contact.</param>
/// <param name="Address">Its address, valid for tax (<see cref="PostalAddress.IsValidForTax"/>).</param>
public sealed record TaxableAddress(ContactRole Role, Contact Contact, PostalAddress Address);

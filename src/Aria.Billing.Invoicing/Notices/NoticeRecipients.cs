namespace Aria.Billing.Invoicing;

/// <summary>
/// Who receives a credit memo or rebill notice (spec: release-6.50.txt, Credit Memo Events and Rebilling Template): the
/// first of the statement, billing and account contacts with valid information; cc and bcc follow the account's invoice
/// settings; a rebill's recipient may be given explicitly instead.
/// </summary>
public static class NoticeRecipients
{
    /// <summary>The notice of <paramref name="kind"/> about document <paramref name="documentNumber"/>.</summary>
    /// <param name="kind">What the notice is about.</param>
    /// <param name="client">The client.</param>
    /// <param name="account">The account.</param>
    /// <param name="documentNumber">The credit memo's or rebill's number.</param>
    /// <param name="contacts">The account's contacts; <see langword="null"/> when unknown (the notice has no recipient).</param>
    /// <param name="recipientOverride">An explicit recipient (a rebill's override); used when not empty.</param>
    public static Notice For(NoticeKind kind, ClientNumber client, AccountNumber account, string documentNumber, AccountContacts? contacts, string? recipientOverride = null)
    {
        ArgumentNullException.ThrowIfNull(documentNumber);
        var notice = new Notice
        {
            Kind = kind, Client = client, Account = account, DocumentNumber = documentNumber,
            Cc = contacts?.Cc ?? [], Bcc = contacts?.Bcc ?? [],
        };
        if (!string.IsNullOrWhiteSpace(recipientOverride))
        {
            return notice with { To = recipientOverride.Trim() };
        }

        if (contacts is null)
        {
            return notice;
        }

        Span<PrecedenceCandidate<ContactRole, Contact>> candidates =
        [
            Candidate(ContactRole.Statement, contacts.Statement),
            Candidate(ContactRole.Billing, contacts.Billing),
            Candidate(ContactRole.Account, contacts.Account),
        ];
        var resolved = Precedence.Resolve<ContactRole, Contact>(candidates);
        return resolved.Found ? notice with { RecipientRole = resolved.Level, To = resolved.Value.Email } : notice;
    }

    private static PrecedenceCandidate<ContactRole, Contact> Candidate(ContactRole role, Contact? contact) =>
        contact is { CanReceiveNotices: true }
            ? PrecedenceCandidate<ContactRole, Contact>.With(role, contact)
            : PrecedenceCandidate<ContactRole, Contact>.Without(role);
}

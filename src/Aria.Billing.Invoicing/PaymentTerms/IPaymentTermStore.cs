namespace Aria.Billing.Invoicing;

/// <summary>
/// Where the payment terms of every client are kept. Every implementation (in memory, SQLite, PostgreSQL) passes one
/// conformance suite: numbers are given per client in order and never reused, names and client-defined ids are unique per
/// client, and terms ever assigned to a billing group are never deleted, however assignments and deletes interleave on
/// however many nodes (of a delete and an assignment racing on the same terms, at most one succeeds).
/// </summary>
public interface IPaymentTermStore
{
    /// <summary>
    /// Adds <paramref name="term"/> with the client's next number (one more than any number the client ever had), at version 1
    /// and never assigned; nothing is written when the client has terms with the same name or client-defined id.
    /// </summary>
    Task<PaymentTermAddResult> AddAsync(PaymentTerm term, CancellationToken cancellationToken = default);

    /// <summary>The terms <paramref name="key"/> names, or <see langword="null"/>.</summary>
    Task<PaymentTerm?> GetAsync(ClientNumber client, PaymentTermKey key, CancellationToken cancellationToken = default);

    /// <summary>The client's terms, by number.</summary>
    Task<IReadOnlyList<PaymentTerm>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that terms <paramref name="number"/> are assigned to a billing group (once set, for good: the version is raised
    /// only when the flag changes) and returns them; an
    /// assignment that finds them deleted returns <see langword="null"/>. Atomic against <see cref="DeleteIfNeverAssignedAsync"/>.
    /// </summary>
    Task<PaymentTerm?> MarkAssignedAsync(ClientNumber client, long number, CancellationToken cancellationToken = default);

    /// <summary>Deletes the terms <paramref name="key"/> names if they were never assigned, in one atomic step.</summary>
    Task<PaymentTermDeletion> DeleteIfNeverAssignedAsync(ClientNumber client, PaymentTermKey key, CancellationToken cancellationToken = default);
}

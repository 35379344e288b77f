namespace Aria.Billing.Invoicing;

/// <summary>
/// Payment terms (spec: release-6.50.txt, Enhanced Payment Terms DEV-7151 and Enhanced Payment Terms - API): creates them
/// with their rules checked (<c>create_payment_terms_m</c>), finds and lists them (<c>get_payment_terms_m</c>), checks a
/// billing group's payment option and records the terms' assignment, and deletes terms only if they were never assigned to
/// a billing group (<c>delete_payment_terms_m</c>).
/// </summary>
public sealed class PaymentTermCatalog
{
    private readonly IPaymentTermStore _store;

    /// <summary>A catalog over <paramref name="store"/>.</summary>
    public PaymentTermCatalog(IPaymentTermStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>
    /// Creates payment terms: the name is required (1010) and unique, the client-defined id defaults to the name and is
    /// unique, days until due are not negative, a surcharge that applies names its number (which is dropped when none
    /// applies), reminders have at most three rows numbered 1 to 3 with days not negative (dropped when reminders are off).
    /// Returns the terms as saved, with their number; warnings when a reminder is not sent before the days until due.
    /// </summary>
    public async Task<AriaResult<PaymentTerm>> CreateAsync(ClientNumber client, PaymentTermRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkedTerm = PaymentTermRules.Check(client, request);
        if (checkedTerm.IsFailure)
        {
            return checkedTerm;
        }

        var term = checkedTerm.Value;
        var added = await _store.AddAsync(term, cancellationToken).ConfigureAwait(false);
        return added.Conflict switch
        {
            PaymentTermConflict.None => AriaResult.Success(added.Term!, checkedTerm.Warnings),
            PaymentTermConflict.NameTaken => new AriaError(
                InvoicingErrorCodes.PaymentTermNameTaken, $"The client already has payment terms named '{term.Name}'.", "pmt_terms_name"),
            _ => new AriaError(
                InvoicingErrorCodes.ClientPaymentTermIdTaken, $"The client already has payment terms with client_pmt_term_id '{term.ClientId}'.", "client_pmt_term_id"),
        };
    }

    /// <summary>The terms <paramref name="key"/> names, or <see cref="InvoicingErrorCodes.PaymentTermNotFound"/>.</summary>
    public async Task<AriaResult<PaymentTerm>> GetAsync(ClientNumber client, PaymentTermKey key, CancellationToken cancellationToken = default)
    {
        var term = await _store.GetAsync(client, key, cancellationToken).ConfigureAwait(false);
        return term is null ? NotFound(key) : term;
    }

    /// <summary>The client's terms, by number.</summary>
    public Task<IReadOnlyList<PaymentTerm>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default) =>
        _store.ListAsync(client, cancellationToken);

    /// <summary>
    /// Checks a billing group's payment option and, with terms, records that the terms are assigned, so they can no longer
    /// be deleted: with methods nothing of terms is kept; with terms, the terms are required (1010) and must exist
    /// (<see cref="InvoicingErrorCodes.PaymentTermNotFound"/>), and EAN/GLN terms require <c>ean_gln_num</c> and
    /// <c>ean_gln_requisition_num</c> (dropped for other terms).
    /// </summary>
    /// <remarks>
    /// Call it before the billing system saves the group: the terms are marked first, so a delete racing with the assignment
    /// either deletes them before (then this returns <see cref="InvoicingErrorCodes.PaymentTermNotFound"/>) or is refused. A
    /// group that is then not saved leaves the terms marked: they stay undeletable, never deleted under a group using them.
    /// </remarks>
    public async Task<AriaResult<BillingGroupPayment>> AssignToBillingGroupAsync(
        ClientNumber client, BillingGroupPaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PaymentTermRules.CheckOption(request) is { } refused)
        {
            return refused;
        }

        if (request.Option == PaymentOption.Methods)
        {
            return PaymentTermRules.CheckPayment(request, null);
        }

        var found = await _store.GetAsync(client, request.Term!.Value, cancellationToken).ConfigureAwait(false);
        var payment = PaymentTermRules.CheckPayment(request, found);
        if (payment.IsFailure)
        {
            return payment;
        }

        var marked = await _store.MarkAssignedAsync(client, found!.Number, cancellationToken).ConfigureAwait(false);
        return marked is null ? PaymentTermRules.TermNotFoundForGroup(request.Term.Value) : payment.Value with { Term = marked };
    }

    /// <summary>
    /// Deletes the terms <paramref name="key"/> names (by name, client-defined id or number) if they were never assigned to a
    /// billing group; otherwise <see cref="InvoicingErrorCodes.PaymentTermAssigned"/>, or
    /// <see cref="InvoicingErrorCodes.PaymentTermNotFound"/>. Returns the deleted terms.
    /// </summary>
    public async Task<AriaResult<PaymentTerm>> DeleteAsync(ClientNumber client, PaymentTermKey key, CancellationToken cancellationToken = default)
    {
        var deletion = await _store.DeleteIfNeverAssignedAsync(client, key, cancellationToken).ConfigureAwait(false);
        return deletion.Outcome switch
        {
            PaymentTermDeleteOutcome.Deleted => deletion.Term!,
            PaymentTermDeleteOutcome.Assigned => new AriaError(
                InvoicingErrorCodes.PaymentTermAssigned,
                $"Payment terms '{deletion.Term!.Name}' were assigned to a billing group: payment terms can be deleted only if they were never assigned.",
                key.InputName),
            _ => NotFound(key),
        };
    }

    private static AriaError NotFound(PaymentTermKey key) =>
        new(InvoicingErrorCodes.PaymentTermNotFound, $"The client has no payment terms with {key}.", key.InputName);
}

namespace Aria.Billing.Invoicing;

/// <summary>
/// Payment terms in process memory, for tests and single-process hosts that keep nothing across restarts. Same semantics as
/// the relational stores: every call happens under one lock.
/// </summary>
public sealed class InMemoryPaymentTermStore : IPaymentTermStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(long Client, long Number), PaymentTerm> _terms = [];
    private readonly Dictionary<long, long> _lastNumber = [];

    /// <inheritdoc />
    public Task<PaymentTermAddResult> AddAsync(PaymentTerm term, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(term);
        lock (_gate)
        {
            var client = term.Client.Value;
            var mine = _terms.Values.Where(t => t.Client == term.Client).ToArray();
            if (mine.Any(t => t.Name == term.Name))
            {
                return Task.FromResult(PaymentTermAddResult.Refused(PaymentTermConflict.NameTaken));
            }

            if (mine.Any(t => t.ClientId == term.ClientId))
            {
                return Task.FromResult(PaymentTermAddResult.Refused(PaymentTermConflict.ClientIdTaken));
            }

            var number = _lastNumber.GetValueOrDefault(client) + 1;
            _lastNumber[client] = number;
            var saved = term with { Number = number, EverAssigned = false, Version = 1 };
            _terms[(client, number)] = saved;
            return Task.FromResult(PaymentTermAddResult.Saved(saved));
        }
    }

    /// <inheritdoc />
    public Task<PaymentTerm?> GetAsync(ClientNumber client, PaymentTermKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(client, key));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PaymentTerm>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<PaymentTerm> list = [.. _terms.Values.Where(t => t.Client == client).OrderBy(t => t.Number)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<PaymentTerm?> MarkAssignedAsync(ClientNumber client, long number, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_terms.TryGetValue((client.Value, number), out var term))
            {
                return Task.FromResult<PaymentTerm?>(null);
            }

            if (term.EverAssigned)
            {
                return Task.FromResult<PaymentTerm?>(term);
            }

            var marked = term with { EverAssigned = true, Version = term.Version + 1 };
            _terms[(client.Value, number)] = marked;
            return Task.FromResult<PaymentTerm?>(marked);
        }
    }

    /// <inheritdoc />
    public Task<PaymentTermDeletion> DeleteIfNeverAssignedAsync(ClientNumber client, PaymentTermKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var term = Find(client, key);
            if (term is null)
            {
                return Task.FromResult(new PaymentTermDeletion(PaymentTermDeleteOutcome.NotFound, null));
            }

            if (term.EverAssigned)
            {
                return Task.FromResult(new PaymentTermDeletion(PaymentTermDeleteOutcome.Assigned, term));
            }

            _terms.Remove((client.Value, term.Number));
            return Task.FromResult(new PaymentTermDeletion(PaymentTermDeleteOutcome.Deleted, term));
        }
    }

    private PaymentTerm? Find(ClientNumber client, PaymentTermKey key) =>
        key.Kind == PaymentTermKeyKind.Number
            ? _terms.GetValueOrDefault((client.Value, key.Number))
            : _terms.Values.FirstOrDefault(t => t.Client == client && t.Matches(key));
}

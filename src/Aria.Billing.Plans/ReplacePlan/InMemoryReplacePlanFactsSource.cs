namespace Aria.Billing.Plans;

/// <summary>
/// An <see cref="IReplacePlanFactsSource"/> over facts held in memory: per client, one catalog, the client's parameters and
/// its accounts with their plan instances. For tests, samples and hosts that load their facts up front. Thread-safe: each
/// change replaces a client's snapshot whole, so a load never sees half of one.
/// </summary>
public sealed class InMemoryReplacePlanFactsSource : IReplacePlanFactsSource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ClientNumber, ClientFacts> _clients = [];

    /// <summary>Sets the catalog of <paramref name="client"/>.</summary>
    public InMemoryReplacePlanFactsSource SetCatalog(ClientNumber client, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Update(client, c => c with { Catalog = catalog });
        return this;
    }

    /// <summary>Sets the parameters of <paramref name="client"/>.</summary>
    public InMemoryReplacePlanFactsSource SetClientParameters(ClientNumber client, ClientParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Update(client, c => c with { Parameters = parameters });
        return this;
    }

    /// <summary>Adds or replaces an account of <paramref name="client"/> with all of its plan instances.</summary>
    public InMemoryReplacePlanFactsSource SetAccount(ClientNumber client, AccountFacts account, AccountPlanInstances instances)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(instances);
        Update(client, c =>
        {
            var accounts = new Dictionary<AccountNumber, (AccountFacts, AccountPlanInstances)>(c.Accounts) { [account.Number] = (account, instances) };
            return c with { Accounts = accounts };
        });
        return this;
    }

    /// <summary>Removes an account of <paramref name="client"/>; returns whether it was there.</summary>
    public bool RemoveAccount(ClientNumber client, AccountNumber account)
    {
        var removed = false;
        Update(client, c =>
        {
            var accounts = new Dictionary<AccountNumber, (AccountFacts, AccountPlanInstances)>(c.Accounts);
            removed = accounts.Remove(account);
            return c with { Accounts = accounts };
        });
        return removed;
    }

    /// <inheritdoc />
    public ValueTask<ReplacePlanFacts> LoadAsync(ClientNumber client, ReplacePlanFactsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        ClientFacts facts;
        lock (_gate)
        {
            facts = _clients.GetValueOrDefault(client) ?? ClientFacts.Empty;
        }

        (AccountFacts Account, AccountPlanInstances Instances)? found = null;
        if (query.Account is { } number)
        {
            found = facts.Accounts.TryGetValue(number, out var byNumber) ? byNumber : null;
        }
        else if (query.ClientAccountId is { } clientId)
        {
            found = facts.Accounts.Values.Where(a => string.Equals(a.Account.ClientAccountId, clientId, StringComparison.Ordinal)).Select(a => ((AccountFacts, AccountPlanInstances)?)a).FirstOrDefault();
        }

        return ValueTask.FromResult(new ReplacePlanFacts
        {
            Account = found?.Account,
            PlanInstances = found?.Instances ?? AccountPlanInstances.Empty,
            Catalog = facts.Catalog,
            ClientParameters = facts.Parameters,
        });
    }

    private void Update(ClientNumber client, Func<ClientFacts, ClientFacts> change)
    {
        lock (_gate)
        {
            _clients[client] = change(_clients.GetValueOrDefault(client) ?? ClientFacts.Empty);
        }
    }

    private sealed record ClientFacts(
        ProductCatalog Catalog,
        ClientParameters Parameters,
        IReadOnlyDictionary<AccountNumber, (AccountFacts Account, AccountPlanInstances Instances)> Accounts)
    {
        public static ClientFacts Empty { get; } = new(ProductCatalog.Empty, ClientParameters.Default, new Dictionary<AccountNumber, (AccountFacts, AccountPlanInstances)>());
    }
}

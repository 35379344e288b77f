using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>
/// Everything <see cref="ReplacePlanValidator"/> checks a request against: who asks, the client's today, and a snapshot
/// of the account, its plan instances, the product catalog and the client's parameters. Immutable; build it with
/// <see cref="From"/> over what an <see cref="IReplacePlanFactsSource"/> returned, or directly in tests.
/// </summary>
public sealed record ReplacePlanContext
{
    /// <summary>The client the request is made for (<c>client_no</c> must name it: 1004).</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>Today in the client's time zone (effective dates must be after it; coupons expire relative to it).</summary>
    public required LocalDate Today { get; init; }

    /// <summary>The account, or <see langword="null"/> when it does not exist (1009).</summary>
    public AccountFacts? Account { get; init; }

    /// <summary>All of the account's plan instances, and those in queued assignment.</summary>
    public AccountPlanInstances PlanInstances { get; init; } = AccountPlanInstances.Empty;

    /// <summary>The product catalog (the part the request touches).</summary>
    public ProductCatalog Catalog { get; init; } = ProductCatalog.Empty;

    /// <summary>The client's parameters.</summary>
    public ClientParameters ClientParameters { get; init; } = ClientParameters.Default;

    /// <summary>The context of a request for <paramref name="client"/> on <paramref name="today"/> over <paramref name="facts"/>.</summary>
    public static ReplacePlanContext From(ClientNumber client, LocalDate today, ReplacePlanFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new ReplacePlanContext
        {
            Client = client,
            Today = today,
            Account = facts.Account,
            PlanInstances = facts.PlanInstances,
            Catalog = facts.Catalog,
            ClientParameters = facts.ClientParameters,
        };
    }
}

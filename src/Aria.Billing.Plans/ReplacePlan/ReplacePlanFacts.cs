namespace Aria.Billing.Plans;

/// <summary>
/// What the billing system of record knows that a replace-plan request is checked against, as one snapshot: what an
/// <see cref="IReplacePlanFactsSource"/> returns for one request.
/// </summary>
public sealed record ReplacePlanFacts
{
    /// <summary>The account, or <see langword="null"/> when no account has the number or client id asked for (1009).</summary>
    public AccountFacts? Account { get; init; }

    /// <summary>All of the account's plan instances, and those in queued assignment.</summary>
    public AccountPlanInstances PlanInstances { get; init; } = AccountPlanInstances.Empty;

    /// <summary>The catalog entries the request names and those they lead to (see <see cref="IReplacePlanFactsSource"/>).</summary>
    public ProductCatalog Catalog { get; init; } = ProductCatalog.Empty;

    /// <summary>The client's parameters.</summary>
    public ClientParameters ClientParameters { get; init; } = ClientParameters.Default;
}

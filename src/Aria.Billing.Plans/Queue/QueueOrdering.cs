namespace Aria.Billing.Plans.Queue;

/// <summary>
/// How several due changes of one kind on one plan instance are processed. The spec's UI text says in effective-date order,
/// its API text that the latest wins; the ruling (DESIGN.md §4) makes effective-date order the default.
/// </summary>
public enum QueueOrdering
{
    /// <summary>Apply each, oldest effective date first.</summary>
    EffectiveDateOrder = 0,

    /// <summary>Apply only the latest; the others are deleted as superseded.</summary>
    LatestWins = 1,
}

namespace Aria.Billing.Plans.Queue;

/// <summary>Which plan changes to list.</summary>
/// <param name="Client">The client.</param>
/// <param name="Account">The account.</param>
/// <param name="Instance">One plan instance only, or every instance of the account.</param>
/// <param name="States">The states wanted; empty for every state.</param>
public sealed record PlanChangeQuery(ClientNumber Client, AccountNumber Account, PlanInstanceNumber? Instance = null, params IReadOnlyList<PlanChangeState> States);

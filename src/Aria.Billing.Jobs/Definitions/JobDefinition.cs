namespace Aria.Billing.Jobs;

/// <summary>A job in a schedule: its (process) name and its type.</summary>
/// <param name="Name">The name the audit log shows.</param>
/// <param name="JobType">The type; a handler is registered for it.</param>
public sealed record JobDefinition(string Name, string JobType);

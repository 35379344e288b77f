namespace Aria.Billing.Jobs;

/// <summary>A job type and the service type that handles it (registered by <c>AddJobHandler</c>).</summary>
/// <param name="JobType">The job type.</param>
/// <param name="HandlerType">The handler's service type.</param>
public sealed record JobHandlerRegistration(string JobType, Type HandlerType);

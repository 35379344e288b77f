namespace Aria.Billing.Jobs;

/// <summary>The errors the runner's collaborators share.</summary>
internal static class RunErrors
{
    /// <summary>No run <paramref name="runId"/> for <paramref name="client"/>.</summary>
    public static AriaError RunNotFound(ClientNumber client, Guid runId) =>
        new(JobErrorCodes.RunNotFound, $"No run {runId} for client {client}.", "run_id");
}

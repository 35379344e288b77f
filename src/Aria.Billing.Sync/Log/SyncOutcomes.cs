using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>Runs the handler and writes its outcome into a record.</summary>
internal static class SyncOutcomes
{
    public static async ValueTask<SyncOutcome> RunAsync(ISyncRecordHandler handler, SyncRecord record, CancellationToken cancellationToken)
    {
        try
        {
            return await handler.HandleAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return SyncOutcome.Error(SyncErrorCodes.HandlerFailed, $"The handler failed: {ex.Message}");
        }
    }

    public static SyncRecord Apply(SyncRecord record, SyncOutcome outcome, string kind, string by, Instant at) => record with
    {
        Status = outcome.Status,
        ErrorCode = outcome.ErrorCode,
        ErrorMessage = outcome.ErrorMessage,
        ErrorNumber = outcome.ErrorNumber,
        InFlightOperation = null,
        Attempts = [.. record.Attempts, new SyncAttempt(at, kind, outcome.Status, outcome.ErrorCode, outcome.ErrorMessage, by)],
    };
}

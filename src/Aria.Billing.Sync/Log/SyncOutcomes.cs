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

    /// <summary>The record after <paramref name="outcome"/>, its error code and message made storable by <see cref="SyncText"/>.</summary>
    public static SyncRecord Apply(SyncRecord record, SyncOutcome outcome, string kind, string by, Instant at)
    {
        var code = SyncText.Code(outcome.ErrorCode);
        var message = SyncText.Message(outcome.ErrorMessage);
        return record with
        {
            Status = outcome.Status,
            ErrorCode = code,
            ErrorMessage = message,
            ErrorNumber = outcome.ErrorNumber,
            InFlightOperation = null,
            Attempts = [.. record.Attempts, new SyncAttempt(at, kind, outcome.Status, code, message, by)],
        };
    }
}

namespace Aria.Billing.Invoicing;

/// <summary>
/// Optimistic writes to the ledger: an attempt reads, checks the rules and writes compare-and-swap; when another writer
/// changed the invoice meanwhile it returns <see langword="null"/> and is made again on fresh data, a bounded number of times.
/// </summary>
internal static class LedgerAttempts
{
    internal static async Task<AriaResult<T>> RunAsync<T>(int maxAttempts, string what, Func<CancellationToken, Task<AriaResult<T>?>> attempt, CancellationToken cancellationToken)
    {
        for (var i = 0; i < maxAttempts; i++)
        {
            if (await attempt(cancellationToken).ConfigureAwait(false) is { } done)
            {
                return done;
            }

            InvoicingTelemetry.WriteConflicts.Add(1);
        }

        return new AriaError(InvoicingErrorCodes.LedgerBusy, $"Other writers kept changing {what}; nothing was saved after {maxAttempts} attempts. Try again.");
    }

    /// <summary>The error for a sequence with no number left.</summary>
    internal static AriaError Exhausted(SequenceKind kind, NumberSequence sequence) => new(InvoicingErrorCodes.SequenceExhausted,
        $"The {(kind == SequenceKind.CreditMemo ? "credit memo" : "rebill")} sequence has no number left within {sequence.Digits} digits (last {sequence.Last}); raise its digit count.");
}

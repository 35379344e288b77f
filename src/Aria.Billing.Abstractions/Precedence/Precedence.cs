namespace Aria.Billing;

/// <summary>
/// Resolves a value by an order of precedence: the first level, in the order given, that has a value wins, and the
/// answer says which level it was. The spec uses such orders for bill lag days (master plan instance, collection group,
/// payment terms/method, client), transaction type, taxable address and notification recipients.
/// </summary>
public static class Precedence
{
    /// <summary>Resolves <paramref name="candidates"/>, highest precedence first. Allocates nothing.</summary>
    public static PrecedenceResolution<TLevel, TValue> Resolve<TLevel, TValue>(
        ReadOnlySpan<PrecedenceCandidate<TLevel, TValue>> candidates)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            ref readonly var candidate = ref candidates[i];
            if (candidate.HasValue)
            {
                return new PrecedenceResolution<TLevel, TValue>(true, candidate.Level, candidate.Value, i);
            }
        }

        return new PrecedenceResolution<TLevel, TValue>(false, default!, default!, -1);
    }
}

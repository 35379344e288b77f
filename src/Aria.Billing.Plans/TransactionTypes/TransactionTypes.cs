namespace Aria.Billing.Plans;

/// <summary>The allowable <c>transaction_type</c> values and their order of precedence (spec: replace-acct-plan-m.txt).</summary>
public static class TransactionTypes
{
    /// <summary>−1: use the client configuration settings (the default); passes the decision to the next level.</summary>
    public const string UseClientConfiguration = "-1";

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "-1", "1", "2", "3", "4", "5", "6", "7", "8", "I", "R", "telephone", "mailorder",
    };

    /// <summary>Whether <paramref name="value"/> is one of the allowable values (-1, 1–8, I, R, telephone, mailorder).</summary>
    public static bool IsAllowed(string? value) => value is not null && Allowed.Contains(value.Trim());

    /// <summary>
    /// The transaction type in force: the value passed (unless −1), else the collection group's, else the payment gateway's,
    /// else the one implied by the recurring processing model. Blank levels and −1 pass the decision on.
    /// </summary>
    public static PrecedenceResolution<TransactionTypeSource, string> Resolve(
        string? passed, string? collectionGroup, string? paymentGateway, string? recurringProcessingModel)
    {
        ReadOnlySpan<PrecedenceCandidate<TransactionTypeSource, string>> order =
        [
            Candidate(TransactionTypeSource.Request, passed),
            Candidate(TransactionTypeSource.CollectionGroup, collectionGroup),
            Candidate(TransactionTypeSource.PaymentGateway, paymentGateway),
            Candidate(TransactionTypeSource.RecurringProcessingModel, recurringProcessingModel),
        ];
        return Precedence.Resolve(order);
    }

    private static PrecedenceCandidate<TransactionTypeSource, string> Candidate(TransactionTypeSource level, string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim() == UseClientConfiguration
            ? PrecedenceCandidate<TransactionTypeSource, string>.Without(level)
            : PrecedenceCandidate<TransactionTypeSource, string>.With(level, value.Trim());
}

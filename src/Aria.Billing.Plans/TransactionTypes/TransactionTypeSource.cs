namespace Aria.Billing.Plans;

/// <summary>Where a payment transaction type comes from, highest precedence first (spec: replace-acct-plan-m.txt, transaction_type).</summary>
public enum TransactionTypeSource
{
    /// <summary>1. The value passed in <c>transaction_type</c> (−1 passes the decision on).</summary>
    Request = 1,

    /// <summary>2. The collection group configuration.</summary>
    CollectionGroup = 2,

    /// <summary>3. The payment gateway configuration.</summary>
    PaymentGateway = 3,

    /// <summary>4. The transaction type implied by <c>recurring_processing_model_ind</c>.</summary>
    RecurringProcessingModel = 4,
}

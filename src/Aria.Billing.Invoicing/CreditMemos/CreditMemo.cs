using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// A credit memo on an invoice (spec: release-6.50.txt, Credit Memo/Rebills): the whole or partial crediting of charge
/// lines, with the tax credited with them. Numbered from the client's credit memo sequence when saved.
/// </summary>
public sealed record CreditMemo
{
    /// <summary>The memo's identity and idempotency key: saving a memo whose id is already in the ledger saves nothing.</summary>
    public required Guid Id { get; init; }

    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The account of the invoice.</summary>
    public required AccountNumber Account { get; init; }

    /// <summary>The invoice credited.</summary>
    public required long InvoiceNo { get; init; }

    /// <summary>The currency of the invoice and of every amount on the memo.</summary>
    public required Currency Currency { get; init; }

    /// <summary>The number shown to people: the sequence number with the client's prefix or suffix; empty until saved.</summary>
    public string Number { get; init; } = "";

    /// <summary>The number in the client's credit memo sequence; 0 until saved.</summary>
    public long Sequence { get; init; }

    /// <summary>The reason code, of type Credit Memo (or Rebill, for the memo a rebill makes).</summary>
    public required string ReasonCode { get; init; }

    /// <summary>Why the memo was issued.</summary>
    public required string Comment { get; init; }

    /// <summary>The lines credited, in line-number order.</summary>
    public required IReadOnlyList<CreditMemoLine> Lines { get; init; }

    /// <summary>
    /// The payments and credits the memo removed, per invoice line (charge and tax lines): a credit memo takes precedence
    /// over them, and what it removes from a line equals what it credits there, as far as payments and credits cover it.
    /// </summary>
    public IReadOnlyList<RemovedApplication> Removed { get; init; } = [];

    /// <summary>When the memo was made.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Who made it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Active or voided.</summary>
    public CreditMemoState State { get; init; }

    /// <summary>When it was voided.</summary>
    public Instant? VoidedAt { get; init; }

    /// <summary>Who voided it.</summary>
    public string? VoidedBy { get; init; }

    /// <summary>For the memo a rebill made, the rebill's invoice number.</summary>
    public long? RebillInvoiceNo { get; init; }

    /// <summary>The ledger's version of the memo, raised by every write.</summary>
    public long Version { get; init; }

    /// <summary>The amount credited on the charge lines.</summary>
    public Money Amount => Sum(static line => line.Amount);

    /// <summary>The tax credited.</summary>
    public Money Tax => Sum(static line => line.Tax);

    /// <summary>Everything the memo credits: its amount and its tax.</summary>
    public Money Total => Amount + Tax;

    private Money Sum(Func<CreditMemoLine, Money> amount) => MoneySum.Of(Lines, Currency, amount);
}

namespace Aria.Billing.Invoicing;

/// <summary>What a credit memo credits on one charge line, and the tax it credits with it.</summary>
public sealed record CreditMemoLine
{
    /// <summary>The charge line credited.</summary>
    public required int LineNo { get; init; }

    /// <summary>The <c>line_type</c> of the charge line credited (its tax credits are tax lines, type 2).</summary>
    public LineType LineType { get; init; } = LineType.RecurringCharge;

    /// <summary>The amount credited on the line; greater than zero.</summary>
    public required Money Amount { get; init; }

    /// <summary>The tax credited with it, per tax line (the tax calculator's answer, within each tax line's remainder).</summary>
    public IReadOnlyList<AppliedAmount> TaxCredits { get; init; } = [];

    /// <summary>The comment entered on the line.</summary>
    public string? Comment { get; init; }

    /// <summary>The tax credited with the line, over all tax lines.</summary>
    public Money Tax => MoneySum.Of(TaxCredits, Amount.Currency, static credit => credit.Amount);
}

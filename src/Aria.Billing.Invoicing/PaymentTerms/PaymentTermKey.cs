using System.Globalization;

namespace Aria.Billing.Invoicing;

/// <summary>
/// Names payment terms by any one of their three identifiers (spec: release-6.50.txt, <c>delete_payment_terms_m</c>:
/// "pmt_terms_name or client_pmt_term_id or pmt_terms_no"). Names and ids are matched exactly (ordinal).
/// </summary>
public readonly record struct PaymentTermKey
{
    private PaymentTermKey(PaymentTermKeyKind kind, long number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    /// <summary>Which identifier the key holds.</summary>
    public PaymentTermKeyKind Kind { get; }

    /// <summary>The number, for <see cref="PaymentTermKeyKind.Number"/>; otherwise 0.</summary>
    public long Number { get; }

    /// <summary>The name or client-defined id; <see langword="null"/> for <see cref="PaymentTermKeyKind.Number"/>.</summary>
    public string? Text { get; }

    /// <summary>The terms numbered <paramref name="number"/> (<c>pmt_terms_no</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not positive.</exception>
    public static PaymentTermKey ByNumber(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return new PaymentTermKey(PaymentTermKeyKind.Number, number, null);
    }

    /// <summary>The terms named <paramref name="name"/> (<c>pmt_terms_name</c>).</summary>
    public static PaymentTermKey ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new PaymentTermKey(PaymentTermKeyKind.Name, 0, name);
    }

    /// <summary>The terms with the client-defined id <paramref name="clientId"/> (<c>client_pmt_term_id</c>).</summary>
    public static PaymentTermKey ByClientId(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        return new PaymentTermKey(PaymentTermKeyKind.ClientId, 0, clientId);
    }

    /// <summary>The API input the key stands for: <c>pmt_terms_no</c>, <c>pmt_terms_name</c> or <c>client_pmt_term_id</c>.</summary>
    public string InputName => Kind switch
    {
        PaymentTermKeyKind.Number => "pmt_terms_no",
        PaymentTermKeyKind.Name => "pmt_terms_name",
        _ => "client_pmt_term_id",
    };

    /// <inheritdoc />
    public override string ToString() =>
        Kind == PaymentTermKeyKind.Number ? $"{InputName} {Number.ToString(CultureInfo.InvariantCulture)}" : $"{InputName} '{Text}'";
}

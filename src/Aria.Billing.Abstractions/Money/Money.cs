using System.Globalization;

namespace Aria.Billing;

/// <summary>
/// An amount in a currency. Arithmetic keeps full <see cref="decimal"/> precision; call <see cref="Round"/> once, at the
/// place the engine documents, to bring the amount to the currency's minor unit. Mixing currencies is a programming error.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount, at full precision until rounded.</summary>
    public decimal Amount { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>Whether the amount has no digits below the currency's minor unit.</summary>
    public bool IsRounded => Currency.IsRounded(Amount);

    /// <summary>An amount in a currency.</summary>
    /// <param name="amount">The amount; not rounded here.</param>
    /// <param name="currency">A defined currency (not <c>default</c>).</param>
    public static Money Of(decimal amount, Currency currency)
    {
        currency.EnsureDefined();
        return new Money(amount, currency);
    }

    /// <summary>Zero in a currency.</summary>
    public static Money Zero(Currency currency) => Of(0m, currency);

    /// <summary>This amount rounded to the currency's minor unit.</summary>
    /// <param name="mode">How a midpoint is rounded; the library's default is <see cref="MidpointRounding.AwayFromZero"/>.</param>
    public Money Round(MidpointRounding mode = MidpointRounding.AwayFromZero) => new(Currency.Round(Amount, mode), Currency);

    /// <summary>Adds two amounts of one currency.</summary>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    /// <summary>Subtracts two amounts of one currency.</summary>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    /// <summary>Negates an amount.</summary>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies an amount by a factor (units, a fraction); the result is not rounded.</summary>
    public static Money operator *(Money value, decimal factor) => new(value.Amount * factor, value.Currency);

    /// <summary>Multiplies an amount by a factor (units, a fraction); the result is not rounded.</summary>
    public static Money operator *(decimal factor, Money value) => value * factor;

    /// <summary>Compares the amounts of two values in one currency.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares the amounts of two values in one currency.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares the amounts of two values in one currency.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares the amounts of two values in one currency.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Compares the amounts of two values in one currency.</summary>
    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>The amount with at least the currency's minor digits and its code, e.g. <c>18.00 USD</c>.</summary>
    public override string ToString()
    {
        if (Currency.Code is null)
        {
            return Amount.ToString(CultureInfo.InvariantCulture);
        }

        var shown = Amount.Scale < Currency.MinorUnits
            ? Amount.ToString("F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : Amount.ToString(CultureInfo.InvariantCulture);
        return shown + " " + Currency.Code;
    }

    private static Currency SameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new InvalidOperationException($"Cannot combine amounts in {left.Currency} and {right.Currency}.");
        }

        return left.Currency;
    }
}

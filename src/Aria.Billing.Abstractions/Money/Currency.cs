using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Aria.Billing.Internal;

namespace Aria.Billing;

/// <summary>
/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit
/// (USD 2, JPY 0, BHD 3, CLF 4). Amounts are rounded to the minor unit once, where the engine documents it.
/// </summary>
public readonly record struct Currency
{
    private static readonly FrozenDictionary<string, Currency> Known = BuildKnown();

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The ISO 4217 alphabetic code, upper case (for example <c>USD</c>).</summary>
    public string Code { get; }

    /// <summary>The number of decimal digits of the minor unit (2 for USD, 0 for JPY, 3 for BHD).</summary>
    public int MinorUnits { get; }

    /// <summary>The smallest representable amount: 10^-<see cref="MinorUnits"/> (0.01 for USD, 1 for JPY).</summary>
    public decimal MinorUnit => MinorUnitOf(MinorUnits);

    /// <summary>US dollar (2 minor digits).</summary>
    public static Currency USD => Known["USD"];

    /// <summary>Euro (2 minor digits).</summary>
    public static Currency EUR => Known["EUR"];

    /// <summary>Pound sterling (2 minor digits).</summary>
    public static Currency GBP => Known["GBP"];

    /// <summary>Japanese yen (no minor unit).</summary>
    public static Currency JPY => Known["JPY"];

    /// <summary>Bahraini dinar (3 minor digits).</summary>
    public static Currency BHD => Known["BHD"];

    /// <summary>Every ISO 4217 currency this library knows, by code.</summary>
    public static IReadOnlyCollection<Currency> All => Known.Values;

    /// <summary>Finds an ISO 4217 currency by its alphabetic code, ignoring case.</summary>
    /// <param name="code">A three-letter code such as <c>usd</c> or <c>JPY</c>.</param>
    /// <param name="currency">The currency when found.</param>
    /// <returns><see langword="true"/> when the code is a known ISO 4217 currency.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && Known.TryGetValue(code.Trim().ToUpperInvariant(), out currency))
        {
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Returns the ISO 4217 currency with this code.</summary>
    /// <exception cref="ArgumentException">The code is not a known ISO 4217 currency (use <see cref="TryFromCode"/> for user input).</exception>
    public static Currency FromCode(string code)
    {
        Guard.NotNull(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a known ISO 4217 currency code.", nameof(code));
    }

    /// <summary>Defines a currency this library does not list (a private or future code).</summary>
    /// <param name="code">Three ASCII letters.</param>
    /// <param name="minorUnits">Digits of the minor unit, 0 to 4.</param>
    public static Currency Custom(string code, int minorUnits)
    {
        Guard.NotNull(code);
        if (code.Length != 3 || !code.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"A currency code is three ASCII letters; got '{code}'.", nameof(code));
        }

        Guard.InRange(minorUnits, 0, 4);
        return new Currency(code.ToUpperInvariant(), minorUnits);
    }

    /// <summary>Rounds an amount to this currency's minor unit.</summary>
    /// <param name="amount">The amount to round.</param>
    /// <param name="mode">How a midpoint is rounded (the library's default is <see cref="MidpointRounding.AwayFromZero"/>).</param>
    public decimal Round(decimal amount, MidpointRounding mode = MidpointRounding.AwayFromZero)
    {
        EnsureDefined();
        return decimal.Round(amount, MinorUnits, mode);
    }

    /// <summary>Whether an amount has no digits below the minor unit.</summary>
    public bool IsRounded(decimal amount)
    {
        EnsureDefined();
        return decimal.Round(amount, MinorUnits, MidpointRounding.ToZero) == amount;
    }

    /// <inheritdoc />
    public override string ToString() => Code ?? "(no currency)";

    internal void EnsureDefined()
    {
        if (Code is null)
        {
            throw new InvalidOperationException("This Currency is the default value; use Currency.FromCode, TryFromCode or a named currency.");
        }
    }

    private static decimal MinorUnitOf(int minorUnits) => minorUnits switch
    {
        0 => 1m,
        1 => 0.1m,
        2 => 0.01m,
        3 => 0.001m,
        _ => 0.0001m,
    };

    private static FrozenDictionary<string, Currency> BuildKnown()
    {
        // ISO 4217 active codes. Most have two minor digits; the exceptions are listed by digit count.
        const string two =
            "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF " +
            "CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD " +
            "HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT " +
            "MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR " +
            "SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU " +
            "UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";
        const string zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
        const string three = "BHD IQD JOD KWD LYD OMR TND";
        const string four = "CLF UYW";

        var map = new Dictionary<string, Currency>(StringComparer.Ordinal);
        foreach (var (codes, digits) in new[] { (two, 2), (zero, 0), (three, 3), (four, 4) })
        {
            foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map.Add(code, new Currency(code, digits));
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

namespace Aria.Billing.Plans.Internal;

/// <summary>
/// amount × days ÷ periodDays rounded to a number of decimals, exactly. Amounts whose mantissa fits 64 bits (every amount
/// below about 1.8e19 minor units) take an integer path: one 64-bit multiply and one division with remainder, the rounding
/// decided on the exact remainder. Larger amounts fall back to <see cref="decimal"/> arithmetic.
/// </summary>
internal static class ProrationMath
{
    /// <summary>The four 32-bit words of a decimal, on the stack.</summary>
    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct DecimalBits
    {
        private int _element;
    }

    private static readonly ulong[] Pow10 =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
        10_000_000_000_000_000_000UL,
    ];

    public static decimal Prorate(decimal amount, int days, int periodDays, int digits, MidpointRounding mode)
    {
        if (days == 0)
        {
            return 0m;
        }

        if (days == periodDays)
        {
            return decimal.Round(amount, digits, mode);
        }

        return TryIntegerPath(amount, (ulong)days, (ulong)periodDays, digits, mode, out var result)
            ? result
            : decimal.Round(amount * days / periodDays, digits, mode);
    }

    private static bool TryIntegerPath(decimal amount, ulong days, ulong periodDays, int digits, MidpointRounding mode, out decimal result)
    {
        result = 0m;
        var bits = default(DecimalBits);
        decimal.GetBits(amount, bits);
        if (bits[2] != 0)
        {
            return false;
        }

        var mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var negative = bits[3] < 0;
        var scale = (bits[3] >> 16) & 0xFF;

        // value = mantissa / 10^scale; wanted = round(mantissa × days × 10^digits / (10^scale × periodDays)).
        ulong numerator, denominator;
        if (digits >= scale)
        {
            if (Math.BigMul(mantissa, days * Pow10[digits - scale], out numerator) != 0)
            {
                return false;
            }

            denominator = periodDays;
        }
        else
        {
            if (scale - digits >= Pow10.Length
                || Math.BigMul(mantissa, days, out numerator) != 0
                || Math.BigMul(Pow10[scale - digits], periodDays, out denominator) != 0)
            {
                return false;
            }
        }

        var (quotient, remainder) = Math.DivRem(numerator, denominator);
        var rest = denominator - remainder; // the distance to the next multiple
        var up = mode switch
        {
            MidpointRounding.ToZero => false,
            MidpointRounding.AwayFromZero => remainder >= rest,
            MidpointRounding.ToEven => remainder > rest || (remainder == rest && (quotient & 1) == 1),
            MidpointRounding.ToPositiveInfinity => remainder != 0 && !negative,
            MidpointRounding.ToNegativeInfinity => remainder != 0 && negative,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a MidpointRounding value."),
        };
        if (up)
        {
            quotient++;
        }

        result = new decimal((int)(uint)quotient, (int)(uint)(quotient >> 32), 0, negative && quotient != 0, (byte)digits);
        return true;
    }
}

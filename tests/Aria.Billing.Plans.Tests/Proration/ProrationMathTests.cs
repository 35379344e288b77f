using System.Numerics;
using Aria.Billing.Plans.Internal;

namespace Aria.Billing.Plans.Tests.Proration;

public sealed class ProrationMathTests
{
    private static readonly MidpointRounding[] Modes =
    [
        MidpointRounding.AwayFromZero, MidpointRounding.ToEven, MidpointRounding.ToZero,
        MidpointRounding.ToPositiveInfinity, MidpointRounding.ToNegativeInfinity,
    ];

    [Theory]
    [InlineData("0.07", 15, 30, MidpointRounding.AwayFromZero, "0.04")]
    [InlineData("0.07", 15, 30, MidpointRounding.ToEven, "0.04")]
    [InlineData("0.05", 15, 30, MidpointRounding.ToEven, "0.02")]
    [InlineData("-0.05", 15, 30, MidpointRounding.AwayFromZero, "-0.03")]
    [InlineData("-0.05", 15, 30, MidpointRounding.ToPositiveInfinity, "-0.02")]
    [InlineData("-0.05", 15, 30, MidpointRounding.ToNegativeInfinity, "-0.03")]
    [InlineData("-0.001", 1, 30, MidpointRounding.AwayFromZero, "0.00")]
    [InlineData("79228162514264337593543950335", 1, 2, MidpointRounding.AwayFromZero, "39614081257132168796771975168")]
    public void Prorate_ExactRoundingPerMode(string amount, int days, int periodDays, MidpointRounding mode, string expected)
    {
        var result = ProrationMath.Prorate(Parse(amount), days, periodDays, 2, mode);

        Assert.Equal(Parse(expected), result);
    }

    [Fact]
    public void Property_MatchesAnExactBigIntegerReferenceForEveryMode()
    {
        var gen =
            from mantissa in Gen.Choose(0, int.MaxValue).SelectMany(hi => Gen.Choose(0, int.MaxValue).Select(lo => ((long)hi << 20) ^ lo))
            from scale in Gen.Choose(0, 8)
            from negative in Gen.Elements(true, false)
            from periodDays in Gen.Choose(1, 400)
            from days in Gen.Choose(0, 400)
            from digits in Gen.Choose(0, 4)
            from mode in Gen.Elements(Modes)
            select (amount: new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale),
                    days: Math.Min(days, periodDays), periodDays, digits, mode);
        Prop.ForAll(gen.ToArbitrary(), t =>
            ProrationMath.Prorate(t.amount, t.days, t.periodDays, t.digits, t.mode) == Reference(t.amount, t.days, t.periodDays, t.digits, t.mode))
            .QuickCheckThrowOnFailure();
    }

    private static decimal Reference(decimal amount, int days, int periodDays, int digits, MidpointRounding mode)
    {
        var bits = decimal.GetBits(amount);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var numerator = mantissa * days * BigInteger.Pow(10, digits);
        var denominator = BigInteger.Pow(10, scale) * periodDays;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        var up = mode switch
        {
            MidpointRounding.ToZero => false,
            MidpointRounding.AwayFromZero => twice >= denominator,
            MidpointRounding.ToEven => twice > denominator || (twice == denominator && !quotient.IsEven),
            MidpointRounding.ToPositiveInfinity => !remainder.IsZero && !negative,
            _ => !remainder.IsZero && negative,
        };
        if (up)
        {
            quotient += 1;
        }

        var magnitude = (decimal)quotient / (decimal)BigInteger.Pow(10, digits);
        return negative ? -magnitude : magnitude;
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

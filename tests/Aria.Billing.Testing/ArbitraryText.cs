using FsCheck;
using FsCheck.Fluent;

namespace Aria.Billing.Testing;

/// <summary>Hostile text for validators: random strings, near-miss dates and numbers, nulls and blanks.</summary>
public static class ArbitraryText
{
    /// <summary>Any string FsCheck makes, plus nulls, blanks, huge and control-character strings.</summary>
    public static Gen<string?> Any { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s),
        Gen.Elements<string?>(null, "", " ", "~", "\0", "-", "+", "NaN", "1e9", "99999999999999999999", "true", "TRUE", "yes", new string('9', 5000)));

    /// <summary>Text shaped like yyyy-mm-dd, valid or not (month 13, day 32, Feb 30, year 0000).</summary>
    public static Gen<string?> DateLike { get; } =
        from year in Gen.Choose(0, 9999)
        from month in Gen.Choose(0, 13)
        from day in Gen.Choose(0, 32)
        select (string?)$"{year:0000}-{month:00}-{day:00}";

    /// <summary>Text that is mostly a number, sometimes not.</summary>
    public static Gen<string?> NumberLike { get; } = Gen.OneOf(
        Gen.Choose(-1000, 1000).Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Any);
}

using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.Plans.Internal;

/// <summary>Parses the text inputs of the API the way the spec describes them; never throws.</summary>
internal static class InputParser
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");

    /// <summary>Whether the text is shaped like yyyy-mm-dd (digits and dashes in the right places).</summary>
    public static bool LooksLikeIsoDate(ReadOnlySpan<char> text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && IsDigits(text[..4]) && IsDigits(text.Slice(5, 2)) && IsDigits(text.Slice(8, 2));

    /// <summary>
    /// Parses a yyyy-mm-dd date. Returns 1024 for text that is not shaped like yyyy-mm-dd, and
    /// <paramref name="invalidDateCode"/> for a well-shaped text that names no date (2025-02-30) or a date outside
    /// <see cref="BusinessDates"/>.
    /// </summary>
    public static bool TryParseDate(string text, string input, AriaErrorCode invalidDateCode, out LocalDate date, out AriaError? error)
    {
        date = default;
        error = null;
        if (!LooksLikeIsoDate(text.AsSpan().Trim()))
        {
            error = new AriaError(AriaErrorCodes.InvalidDateFormat, ManualText.Compose(ManualText.InvalidDateFormat, $"{input} '{Shorten(text)}' is not a date in yyyy-mm-dd format."), input);
            return false;
        }

        var result = IsoDate.Parse(text.Trim());
        if (!result.Success)
        {
            error = InvalidDate(invalidDateCode, input, $"{input} '{text.Trim()}' is not a valid date.");
            return false;
        }

        if (!BusinessDates.Contains(result.Value))
        {
            error = InvalidDate(invalidDateCode, input, $"{input} '{text.Trim()}' is outside the business dates accepted, {BusinessDates.Earliest:uuuu-MM-dd} to {BusinessDates.Latest:uuuu-MM-dd}.");
            return false;
        }

        date = result.Value;
        return true;
    }

    /// <summary>A well-shaped date refused with <paramref name="code"/>, its message led by the manual's text for that code.</summary>
    private static AriaError InvalidDate(AriaErrorCode code, string input, string detail) => new(
        code,
        code == PlanErrorCodes.InvalidEffectiveDate ? ManualText.Compose(ManualText.InvalidEffectiveDate, detail)
            : code == AriaErrorCodes.InvalidDateFormat ? ManualText.Compose(ManualText.InvalidDateFormat, detail)
            : detail,
        input);

    /// <summary>Parses an optional whole number; a blank text is "not given".</summary>
    public static bool TryParseOptionalInt(string? text, string input, out int? value, out AriaError? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = new AriaError(PlanErrorCodes.InvalidNumber, $"{input} '{Shorten(text)}' is not a whole number.", input);
        return false;
    }

    /// <summary>Parses an optional decimal number; a blank text is "not given".</summary>
    public static bool TryParseOptionalDecimal(string? text, string input, out decimal? value, out AriaError? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = new AriaError(PlanErrorCodes.InvalidNumber, $"{input} '{Shorten(text)}' is not a number.", input);
        return false;
    }

    /// <summary>Parses an optional true/false input (1033 otherwise). Accepts true/false in any case.</summary>
    public static bool TryParseOptionalBoolean(string? text, string input, out bool? value, out AriaError? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (bool.TryParse(text.Trim(), out var parsed))
        {
            value = parsed;
            return true;
        }

        error = new AriaError(AriaErrorCodes.InvalidBoolean, ManualText.Compose(ManualText.InvalidBoolean, $"{input} '{Shorten(text)}' is not true or false."), input);
        return false;
    }

    /// <summary>Quotes user text in messages without echoing a huge or multi-line input.</summary>
    public static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 40 ? oneLine : string.Concat(oneLine.AsSpan(0, 37), "...");
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

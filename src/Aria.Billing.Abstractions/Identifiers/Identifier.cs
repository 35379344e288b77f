using System.Globalization;

namespace Aria.Billing;

/// <summary>The one implementation of the identifiers' rules: positive, parsed from plain digits, formatted invariantly.</summary>
/// <typeparam name="T">The identifier type.</typeparam>
internal static class Identifier<T>
    where T : struct, IIdentifier<T>
{
    /// <summary>The value, or an exception naming the identifier when it is not positive.</summary>
    internal static long Positive(long value) => value > 0
        ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"A {typeof(T).Name} ({T.FieldName}) is a positive number; got {value}.");

    internal static bool TryParse(string? text, out T result)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            result = T.Create(value);
            return true;
        }

        result = default;
        return false;
    }

    internal static AriaResult<T> Parse(string? text) => TryParse(text, out var result)
        ? AriaResult.Success(result)
        : AriaResult.Failure<T>(new AriaError(
            AriaErrorCodes.InvalidIdentifier,
            string.IsNullOrEmpty(text) ? $"{T.FieldName} is empty; it should be a positive whole number." : $"{T.FieldName} '{Shorten(text)}' is not a positive whole number.",
            T.FieldName));

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

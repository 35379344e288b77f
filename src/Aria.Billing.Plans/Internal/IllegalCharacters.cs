using System.Globalization;

namespace Aria.Billing.Plans.Internal;

/// <summary>
/// The characters a character input of the API may not hold (25020, "Illegal characters entered"): control characters
/// (U+0000–U+001F and U+007F–U+009F, tab and line breaks included), the markup delimiters <c>&lt;</c> and <c>&gt;</c>, and
/// UTF-16 surrogates that are not part of a pair (text that is not text).
/// </summary>
internal static class IllegalCharacters
{
    /// <summary>The index of the first illegal character of <paramref name="text"/>, or -1.</summary>
    public static int IndexIn(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || c is '<' or '>')
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="text"/> holds an illegal character.</summary>
    public static bool In(string? text) => text is not null && IndexIn(text) >= 0;

    /// <summary>How a message names the character: <c>'&lt;'</c> or <c>U+0007</c>.</summary>
    public static string Describe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : $"'{c}'";
}

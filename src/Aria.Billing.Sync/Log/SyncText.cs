using System.Text;

namespace Aria.Billing.Sync;

/// <summary>
/// The one place where the error code and error message of a sync record are made storable, before anything is stored:
/// NUL characters (U+0000) are removed, unpaired surrogates become U+FFFD, and the text is cut at a character boundary to
/// at most <see cref="SyncOutcome.ErrorCodeMaxBytes"/> or <see cref="SyncOutcome.ErrorMessageMaxBytes"/> UTF-8 bytes, the
/// cut text ending with <see cref="SyncOutcome.TruncationMarker"/>. Every store therefore holds the same text for the same
/// input (PostgreSQL refuses NUL in text and limits the size of an index row).
/// </summary>
internal static class SyncText
{
    private static readonly int MarkerBytes = Encoding.UTF8.GetByteCount(SyncOutcome.TruncationMarker);

    /// <summary>An error code as it is stored.</summary>
    public static string? Code(string? code) => Bound(code, SyncOutcome.ErrorCodeMaxBytes);

    /// <summary>An object or action name as it is stored: bounded like a code, since it is part of the error-summary index too.</summary>
    public static string Name(string name) => Bound(name, SyncOutcome.ErrorCodeMaxBytes)!;

    /// <summary>An error message as it is stored.</summary>
    public static string? Message(string? message) => Bound(message, SyncOutcome.ErrorMessageMaxBytes);

    private static string? Bound(string? text, int maxBytes)
    {
        if (text is null || (text.Length * 3 <= maxBytes && IsClean(text)))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxBytes));
        var bytes = 0;
        var total = 0;
        var cut = -1;
        foreach (var rune in text.EnumerateRunes()) // an unpaired surrogate comes out as U+FFFD
        {
            if (rune.Value == 0)
            {
                continue;
            }

            total += rune.Utf8SequenceLength;
            if (cut < 0 && bytes + rune.Utf8SequenceLength > maxBytes - MarkerBytes)
            {
                cut = builder.Length;
            }

            if (total > maxBytes)
            {
                builder.Length = cut;
                return builder.Append(SyncOutcome.TruncationMarker).ToString();
            }

            bytes += rune.Utf8SequenceLength;
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}

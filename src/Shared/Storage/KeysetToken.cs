using System.Globalization;
using System.Text;

namespace Aria.Billing.Storage;

/// <summary>
/// The continuation token of a keyset-paged search: the sort key and id of the last row returned, tied to the sort it was
/// made for. Opaque to callers (base64url); a token from another sort, or not a token at all, is refused.
/// </summary>
internal readonly record struct KeysetToken(string Key, long Id)
{
    internal string Format(SyncSortField sort, bool descending)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)sort}{(descending ? 'd' : 'a')}:{Id}:{Key}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <exception cref="ArgumentException">The token was not made by this store for this sort.</exception>
    internal static KeysetToken Parse(string token, SyncSortField sort, bool descending)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = text.Split(':', 3);
            if (parts.Length == 3 && parts[0] == string.Create(CultureInfo.InvariantCulture, $"{(int)sort}{(descending ? 'd' : 'a')}")
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && (sort != SyncSortField.Status || long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return new KeysetToken(parts[2], id);
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException($"'{token}' is not a continuation token of this search.", nameof(token));
    }
}

namespace Aria.Billing;

/// <summary>One page of search results.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in the order of the search.</param>
/// <param name="TotalCount">The number of items matching the search across all pages, when the store counts them.</param>
/// <param name="ContinuationToken">The token that asks for the next page; <see langword="null"/> on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, long? TotalCount, string? ContinuationToken)
{
    /// <summary>Whether a further page exists.</summary>
    public bool HasMore => ContinuationToken is not null;

    /// <summary>An empty last page.</summary>
    public static Page<T> Empty { get; } = new([], 0, null);

    /// <summary>
    /// The page <paramref name="request"/> asks for out of <paramref name="all"/> matches, for stores that page by offset:
    /// the continuation token is the offset of the next item.
    /// </summary>
    /// <exception cref="ArgumentException">The token is not an offset this method issued.</exception>
    public static Page<T> FromOffset(IReadOnlyList<T> all, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(all);
        var offset = 0;
        if (request.ContinuationToken is { } token
            && (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw new ArgumentException($"'{token}' is not a continuation token of this search.", nameof(request));
        }

        var items = all.Skip(offset).Take(request.Size).ToArray();
        var next = offset + items.Length < all.Count ? (offset + items.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new Page<T>(items, all.Count, next);
    }
}

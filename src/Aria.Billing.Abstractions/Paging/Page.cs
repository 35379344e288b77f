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
}

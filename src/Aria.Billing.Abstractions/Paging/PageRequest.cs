namespace Aria.Billing;

/// <summary>
/// A request for one page of a search: a size no larger than <see cref="MaxSize"/> and, after the first page, the
/// continuation token the previous page returned. The default value asks for the first page of <see cref="DefaultSize"/>.
/// </summary>
public readonly record struct PageRequest
{
    /// <summary>The largest page any search returns: 1000 items.</summary>
    public const int MaxSize = 1000;

    /// <summary>The size used when none is given: 50 items.</summary>
    public const int DefaultSize = 50;

    private readonly int _size;

    private PageRequest(int size, string? continuationToken)
    {
        _size = size;
        ContinuationToken = continuationToken;
    }

    /// <summary>The number of items wanted, 1 to <see cref="MaxSize"/>.</summary>
    public int Size => _size == 0 ? DefaultSize : _size;

    /// <summary>The token of the previous page; <see langword="null"/> for the first page.</summary>
    public string? ContinuationToken { get; }

    /// <summary>The first page of <paramref name="size"/> items, or error PAGE_SIZE_OUT_OF_RANGE.</summary>
    public static AriaResult<PageRequest> First(int size = DefaultSize) => Create(size, null);

    /// <summary>The page after the one that returned <paramref name="continuationToken"/>, or error PAGE_SIZE_OUT_OF_RANGE.</summary>
    public static AriaResult<PageRequest> After(string continuationToken, int size = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(continuationToken);
        return Create(size, continuationToken);
    }

    private static AriaResult<PageRequest> Create(int size, string? token)
    {
        if (size is < 1 or > MaxSize)
        {
            return new AriaError(
                AriaErrorCodes.PageSizeOutOfRange,
                $"Page size should be in range [1-{MaxSize}]; got {size}.",
                "page_size");
        }

        return new PageRequest(size, token);
    }
}

namespace Aria.Billing.Tests.Paging;

public sealed class PageRequestTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(PageRequest.MaxSize + 1)]
    public void First_SizeOutOfRange_IsACodedError(int size)
    {
        var result = PageRequest.First(size);

        Assert.True(result.HasError(AriaErrorCodes.PageSizeOutOfRange));
        Assert.Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_KeepsTokenAndSize()
    {
        var request = PageRequest.After("abc", 10).Value;

        Assert.Equal("abc", request.ContinuationToken);
        Assert.Equal(10, request.Size);
        Assert.Equal(PageRequest.DefaultSize, default(PageRequest).Size);
    }
}

using Aria.Billing.Jobs;

namespace Aria.Billing.Jobs.Tests.Status;

// spec: batch-process-audit-log.txt, batch_status_cd table.
public sealed class BatchStatusTests
{
    [Theory]
    [InlineData(BatchStatus.New, 0)]
    [InlineData(BatchStatus.Running, 1)]
    [InlineData(BatchStatus.Ok, 2)]
    [InlineData(BatchStatus.Incomplete, 3)]
    [InlineData(BatchStatus.Error, 4)]
    [InlineData(BatchStatus.Partial, 5)]
    [InlineData(BatchStatus.Warning, 6)]
    [InlineData(BatchStatus.Suspended, 7)]
    public void Code_IsTheSpecsBatchStatusCd(BatchStatus status, int code)
    {
        Assert.Equal(code, (int)status);
    }

    [Fact]
    public void Codes_AreExactlyZeroToSeven()
    {
        Assert.Equal(Enumerable.Range(0, 8), Enum.GetValues<BatchStatus>().Select(s => (int)s).Order());
    }
}

using Aria.Billing.Jobs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Runs;

// spec: batch-process-audit-log.txt — the search spans at most 7 days; a bad continuation token is an error, not an exception.
public sealed class AuditSearchTests
{
    private static readonly LocalDate Day = new(2025, 4, 27);
    private readonly InMemoryJobRunStore _store = new();

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task SearchAsync_OneToSevenDays_IsAccepted(int lastDay)
    {
        await CreateRunsAsync(8);

        var page = (await new AuditSearch(_store).SearchAsync(new RunSearch(RunFixture.Client, Day, Day.PlusDays(lastDay)), default, default)).Value;

        Assert.Equal(lastDay + 1, page.Items.Count);
        Assert.Equal(Day.PlusDays(lastDay), page.Items[0].RunDate); // newest first
    }

    [Fact]
    public async Task SearchAsync_EightDays_IsAuditRangeTooLong_NamingBothDates()
    {
        var result = await new AuditSearch(_store).SearchAsync(new RunSearch(RunFixture.Client, Day, Day.PlusDays(7)), default, default);

        Assert.True(result.HasError(JobErrorCodes.AuditRangeTooLong));
        Assert.Equal("Search at most 7 days at a time: 2025-04-27 to 2025-05-04 is 8 days.", result.Errors[0].Message);
        Assert.Equal(["start_date", "end_date"], result.Errors[0].AssociatedInputs);
    }

    [Theory]
    [InlineData(9999, 12, 25)]
    [InlineData(2199, 12, 31)]
    [InlineData(1, 1, 1)]
    [InlineData(1899, 12, 31)]
    public async Task SearchAsync_ADateOutsideTheBusinessDates_Is1024_NamingTheDate(int year, int month, int day)
    {
        // Issue #15 item 3: one range of business dates for every engine; 2199-12-31 is inside it, so its week ends outside.
        var start = new LocalDate(year, month, day);

        var result = await new AuditSearch(_store).SearchAsync(new RunSearch(RunFixture.Client, start, start.PlusDays(1)), default, default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(AriaErrorCodes.InvalidDateFormat, error.Code);
        Assert.Equal([start == BusinessDates.Latest ? "end_date" : "start_date"], error.AssociatedInputs);
    }

    [Fact]
    public async Task SearchAsync_EndBeforeStart_IsItsOwnError()
    {
        // spec: batch-process-audit-log.txt — a search has a start and an end date; an end before the start is not "too long".
        var result = await new AuditSearch(_store).SearchAsync(new RunSearch(RunFixture.Client, Day, Day.PlusDays(-1)), default, default);

        Assert.Equal(JobErrorCodes.AuditRangeReversed, Assert.Single(result.Errors).Code);
        Assert.Equal(["start_date", "end_date"], result.Errors[0].AssociatedInputs);
    }

    [Fact]
    public async Task SearchAsync_ATokenThisSearchDidNotIssue_IsInvalidContinuationToken()
    {
        var result = await new AuditSearch(_store).SearchAsync(new RunSearch(RunFixture.Client, Day, Day), PageRequest.After("page-two").Value, default);

        Assert.True(result.HasError(AriaErrorCodes.InvalidContinuationToken));
        Assert.Equal(["continuation_token"], result.Errors[0].AssociatedInputs);
    }

    [Fact]
    public async Task SearchAsync_NextPage_ContinuesWhereTheFirstEnded()
    {
        await CreateRunsAsync(5);
        var search = new AuditSearch(_store);
        var week = new RunSearch(RunFixture.Client, Day, Day.PlusDays(6));

        var first = (await search.SearchAsync(week, PageRequest.First(3).Value, default)).Value;
        var second = (await search.SearchAsync(week, PageRequest.After(first.ContinuationToken!, 3).Value, default)).Value;

        Assert.Equal([Day.PlusDays(1), Day], second.Items.Select(r => r.RunDate));
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task SearchAsync_NoSearch_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => new AuditSearch(_store).SearchAsync(null!, default, default));
    }

    private async Task CreateRunsAsync(int days)
    {
        var creator = new RunCreator(_store, FakeClock.AtUtc(Day));
        for (var i = 0; i < days; i++)
        {
            await creator.CreateRunAsync(RunFixture.Daily, Day.PlusDays(i), "automatic", default);
        }
    }
}

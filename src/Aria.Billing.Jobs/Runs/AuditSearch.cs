using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// The audit-log search (spec: batch-process-audit-log.txt): runs by run date over at most 7 days, optionally by status
/// and process name, newest first, paged.
/// </summary>
internal sealed class AuditSearch(IJobRunStore store)
{
    /// <summary>The page of runs <paramref name="search"/> finds, error 1024 for a date outside BusinessDates, AuditRangeReversed for an end before the start, AuditRangeTooLong for a range longer than 7 days, or error InvalidContinuationToken.</summary>
    public async Task<AriaResult<Page<ScheduleRun>>> SearchAsync(RunSearch search, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        if ((BusinessDates.Check(search.From, "start_date") ?? BusinessDates.Check(search.To, "end_date")) is { } outside)
        {
            return outside;
        }

        if (search.To < search.From)
        {
            return new AriaError(
                JobErrorCodes.AuditRangeReversed,
                $"The end date {search.To:uuuu-MM-dd} is before the start date {search.From:uuuu-MM-dd}.",
                "start_date",
                "end_date");
        }

        if (Period.DaysBetween(search.From, search.To) + 1 > 7)
        {
            return new AriaError(
                JobErrorCodes.AuditRangeTooLong,
                $"Search at most 7 days at a time: {search.From:uuuu-MM-dd} to {search.To:uuuu-MM-dd} is {Period.DaysBetween(search.From, search.To) + 1} days.",
                "start_date",
                "end_date");
        }

        var found = await store.SearchRunsAsync(search, cancellationToken).ConfigureAwait(false);
        try
        {
            return Page<ScheduleRun>.FromOffset(found, page);
        }
        catch (ArgumentException ex)
        {
            return new AriaError(AriaErrorCodes.InvalidContinuationToken, ex.Message, "continuation_token");
        }
    }
}

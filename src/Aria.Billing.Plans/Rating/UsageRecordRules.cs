namespace Aria.Billing.Plans.Rating;

/// <summary>
/// The rules of negative usage (spec: release-6.50.txt, "Additional Support for Negative Usage - API", DEV-7411): a negative
/// record is refused when its rate is negative, when its amount is positive, and on a usage-pooled service unless pre-rated.
/// </summary>
public static class UsageRecordRules
{
    /// <summary>Checks <paramref name="record"/> against <paramref name="schedule"/>; never throws.</summary>
    public static AriaResult<UsageRecord> Validate(in UsageRecord record, RateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var error = Check(in record, schedule);
        return error is null ? record : error;
    }

    internal static AriaError? Check(in UsageRecord record, RateSchedule schedule)
    {
        var negativeUnits = record.Units < 0;
        var negativeAmount = record.PreRatedAmount < 0;
        if (record.PreRatedRate < 0 && (negativeUnits || negativeAmount))
        {
            return new AriaError(
                PlanErrorCodes.NegativeUsageWithNegativeRate,
                "The rate cannot be negative when the units or the amount are negative.",
                "rate");
        }

        if (negativeUnits && record.PreRatedAmount > 0)
        {
            return new AriaError(
                PlanErrorCodes.NegativeUsageWithPositiveAmount,
                "The amount cannot be positive when the billable units are negative.",
                "amt");
        }

        if (negativeUnits && schedule.UsagePooling && !record.IsPreRated)
        {
            return new AriaError(
                PlanErrorCodes.NegativeUsageOnPooledService,
                "Negative usage is not allowed for a service with usage pooling enabled unless the record is pre-rated.",
                "billable_units");
        }

        return null;
    }
}

using Aria.Billing.Jobs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Definitions;

// spec: job-schedule-management.txt — a schedule's frequency, execution time, time zone, ordered jobs and exception windows,
// stored in one text form that every node reads alike.
public sealed class ScheduleDefinitionTests
{
    private static readonly Gen<ScheduleFrequency> Frequencies = Gen.OneOf(
        Gen.Elements(ScheduleFrequency.Daily, ScheduleFrequency.MonthEnd, ScheduleFrequency.QuarterEnd, ScheduleFrequency.YearEnd, ScheduleFrequency.ManualOnly),
        Gen.Choose(1, 7).Select(d => ScheduleFrequency.Weekly((IsoDayOfWeek)d)),
        Gen.Choose(1, 31).Select(ScheduleFrequency.Monthly),
        Gen.Choose(1, 27).Select(ScheduleFrequency.DaysBeforeMonthEnd));

    private static readonly Gen<ScheduleDefinition> Definitions =
        from frequency in Frequencies
        from minutes in Gen.Choose(0, (24 * 60) - 1)
        from zone in Gen.Elements<string?>(null, "UTC", "America/Denver", "Asia/Tokyo")
        from jobs in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Elements(JobTypes.UsageRating, JobTypes.SyncTransactions, JobTypes.Billing, "payment-reminders", "naïve \"quoted\" ✓"), n))
        from windows in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(from start in Gen.Choose(0, 1_000_000) from length in Gen.Choose(1, 100_000) select (start, length), n))
        select new ScheduleDefinition
        {
            Client = new ClientNumber(1000), Name = "s", Frequency = frequency, Time = LocalTime.FromMinutesSinceMidnight(minutes), TimeZoneId = zone,
            Jobs = [.. jobs.Select((t, i) => new JobDefinition($"job {i}", t))],
            ExceptionWindows = [.. windows.Select(w => new ExceptionWindow(Instant.FromUtc(2025, 1, 1, 0, 0).Plus(Duration.FromMinutes(w.start)), Instant.FromUtc(2025, 1, 1, 0, 0).Plus(Duration.FromMinutes(w.start + w.length))))],
        };

    [Fact]
    public void ToJson_ReadsBack_AsTheSameDefinition() =>
        Prop.ForAll(Definitions.ToArbitrary(), definition =>
        {
            Assert.True(ScheduleDefinition.TryParseJson(definition.Client, definition.Name, definition.ToJson(), out var back));
            Assert.Equal((definition.Frequency, definition.Time, definition.TimeZoneId), (back.Frequency, back.Time, back.TimeZoneId));
            Assert.Equal(definition.Jobs, back.Jobs);
            Assert.Equal(definition.ExceptionWindows, back.ExceptionWindows);
            Assert.Equal(definition.IsDailyBilling, back.IsDailyBilling);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TryParseJson_TheHostsEarlierRequestJson_StillReads()
    {
        const string stored = """{"frequency":"weekly:friday","time":"22:30","time_zone":null,"jobs":[{"name":"Billing","job_type":"billing"}],"exception_windows":null}""";
        Assert.True(ScheduleDefinition.TryParseJson(new ClientNumber(1000), "weekly", stored, out var definition));
        Assert.Equal((ScheduleFrequency.Weekly(IsoDayOfWeek.Friday), new LocalTime(22, 30), (string?)null), (definition.Frequency, definition.Time, definition.TimeZoneId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"frequency\":\"hourly\",\"time\":\"04:00\",\"jobs\":[{\"name\":\"a\",\"job_type\":\"b\"}]}")]
    [InlineData("{\"frequency\":\"daily\",\"time\":\"4am\",\"jobs\":[{\"name\":\"a\",\"job_type\":\"b\"}]}")]
    [InlineData("{\"frequency\":\"daily\",\"time\":\"04:00\",\"jobs\":[]}")]
    [InlineData("{\"frequency\":\"daily\",\"time\":\"04:00\",\"jobs\":[{\"name\":\"a\"}]}")]
    [InlineData("[1,2")]
    public void TryParseJson_WhatIsNotADefinition_IsNot(string json) =>
        Assert.False(ScheduleDefinition.TryParseJson(new ClientNumber(1000), "x", json, out _));

    [Fact]
    public void Resolve_UnknownZone_IsNull_AndNoZoneTakesTheClients()
    {
        var definition = new ScheduleDefinition
        {
            Client = new ClientNumber(1000), Name = "daily", Frequency = ScheduleFrequency.Daily, Time = new LocalTime(4, 0),
            Jobs = [new JobDefinition("Billing", JobTypes.Billing)],
        };
        Assert.Equal("Asia/Tokyo", definition.Resolve(DateTimeZoneProviders.Tzdb, DateTimeZoneProviders.Tzdb["Asia/Tokyo"])!.Calendar.Zone.Id);
        Assert.Null((definition with { TimeZoneId = "Mars/Olympus_Mons" }).Resolve(DateTimeZoneProviders.Tzdb, DateTimeZone.Utc));
        Assert.True(definition.IsDailyBilling);
        Assert.False((definition with { Frequency = ScheduleFrequency.MonthEnd }).IsDailyBilling);
    }
}

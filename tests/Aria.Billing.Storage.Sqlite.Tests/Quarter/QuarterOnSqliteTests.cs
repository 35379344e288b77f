using Aria.Billing.Storage.Quarter;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Aria.Billing.Storage.Sqlite.Tests.Quarter;

/// <summary>Issue 14, item 7: the packages' background duties through a simulated quarter on one SQLite node.</summary>
public sealed class QuarterOnSqliteTests(ITestOutputHelper output)
{
    /// <summary>
    /// One node on a SQLite file, the same quarter as on PostgreSQL: stopped abruptly on day 10 (mid reprocess) and day 45,
    /// restarted on the same file three days later each time; the missed dates are caught up, nothing is done twice.
    /// </summary>
    [Fact]
    public async Task Quarter_OneNode_StoppedAndRestartedTwice_EveryRunOnce_EveryChangeOnceInOrder_EveryRecordAtMostOnce()
    {
        using var database = new TempDatabase();
        var path = database.NewPath();
        await using var scenario = new QuarterScenario(output, builder => builder.UseSqlite(o => o.Path = path));

        Assert.Equal(2, await scenario.RunAsync(nodes: 1, crashDays: [10, 45], downDays: 3)); // the checks of every run, change and record are in the scenario
    }
}

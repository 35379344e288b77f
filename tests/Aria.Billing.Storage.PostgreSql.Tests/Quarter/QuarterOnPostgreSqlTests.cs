using Aria.Billing.Storage.Quarter;
using Aria.Billing.Testing.Skipping;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Aria.Billing.Storage.PostgreSql.Tests.Quarter;

/// <summary>Issue 14, item 7: the packages' background duties through a simulated quarter on two nodes of one database.</summary>
[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class QuarterOnPostgreSqlTests(ITestOutputHelper output) : IDisposable
{
    private readonly PostgresSchemas _schemas = new();

    /// <summary>
    /// Two nodes, a daily and a month-end schedule, 48 dated plan changes, a bulk reprocess of 120 records; node A stopped
    /// abruptly on day 10 (mid reprocess) and day 45, each time back three days later: every run date of both schedules once
    /// and Ok, every change applied once in date order, every record handled at most once.
    /// </summary>
    [StoreFact]
    public async Task Quarter_TwoNodes_NodeStoppedTwice_EveryRunOnce_EveryChangeOnceInOrder_EveryRecordAtMostOnce()
    {
        var connectionString = _schemas.NewSchema();
        await using var scenario = new QuarterScenario(output, builder => builder.UsePostgreSql(connectionString));

        await scenario.RunAsync(nodes: 2, crashDays: [10, 45], downDays: 3);
    }

    /// <inheritdoc />
    public void Dispose() => _schemas.Dispose();
}

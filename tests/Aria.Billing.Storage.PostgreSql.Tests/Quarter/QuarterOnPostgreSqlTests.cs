using Aria.Billing.Storage.Quarter;
using Aria.Billing.Testing.Skipping;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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

        Assert.Equal(2, await scenario.RunAsync(nodes: 2, crashDays: [10, 45], downDays: 3));

        // And in the tables themselves: one row per client, schedule and date, each Ok; every change executed once.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var runs = await RowAsync(connection,
            "SELECT COUNT(*), COUNT(DISTINCT (client, schedule, run_date)), COUNT(*) FILTER (WHERE status = 2) FROM schedule_run WHERE client = 1000");
        var changes = await RowAsync(connection,
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE state = 1), COALESCE(MAX(attempts), 0) FROM plan_change WHERE client = 1000");
        output.WriteLine($"in the database: schedule_run rows {runs[0]}, distinct (client, schedule, date) {runs[1]}, Ok {runs[2]}; "
            + $"plan_change rows {changes[0]}, executed {changes[1]}, most attempts {changes[2]}");
        Assert.Equal([93L, 93L, 93L], runs);
        Assert.Equal([48L, 48L], changes[..2]);
    }

    private static async Task<long[]> RowAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <inheritdoc />
    public void Dispose() => _schemas.Dispose();
}

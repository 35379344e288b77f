using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Aria.Billing.Testing.Skipping;
using Npgsql;
using Xunit.Abstractions;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>
/// Concurrent clients against the host served by Kestrel on loopback: ingest (some messages sent twice, some in batches),
/// search, summary and detail. No 5xx; afterwards every message sent is stored exactly once, for its own client. In the
/// suite: 16 clients for 3 s, a correctness test. The load run (50 clients, 30 s, issue 19 item 4) is not a test: it is
/// <c>HostLoadRun</c> in <c>benchmarks/load/Aria.Billing.HostLoad</c> (outside the solution), run by <c>benchmarks/load/host-load.sh</c>, its figures in <c>benchmarks/results/host-load.md</c>.
/// </summary>
[RequiresEnvironment("ARIA_BILLING_TEST_POSTGRES")]
[Collection(LoadCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(3);

    [Fact]
    public Task SixteenClients_OnSqlite_NoServerErrors_NothingLostOrDuplicated() => HostLoad.RunAsync(output, null, "SQLite", 16, Short);

    [StoreFact]
    public async Task SixteenClients_OnPostgreSql_NoServerErrors_NothingLostOrDuplicated() =>
        await HostLoad.RunAsync(output, await HostLoad.NewSchemaAsync(Environment.GetEnvironmentVariable("ARIA_BILLING_TEST_POSTGRES")!), "PostgreSQL", 16, Short);
}

/// <summary>The load both the short test and the load run drive.</summary>
internal static class HostLoad
{
    /// <summary>The variable holding the load run's duration in seconds.</summary>
    public const string SecondsVariable = "ARIA_BILLING_LOAD_SECONDS";

    /// <summary>A new schema on the server, as a connection string.</summary>
    public static async Task<string> NewSchemaAsync(string server)
    {
        var schema = "load_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 40 }.ConnectionString;
    }

    public static async Task RunAsync(ITestOutputHelper output, string? postgres, string store, int clients, TimeSpan duration)
    {
        using var host = HostFactory.OnKestrel(postgres);
        host.StartServer();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var latencies = new ConcurrentBag<double>();
        var serverErrors = new ConcurrentBag<string>();
        var sent = new ConcurrentDictionary<string, byte>();
        var stop = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            using var client = worker % 2 == 0 ? host.As(1000, "ops-key") : host.As(2000, "other-key");
            for (var i = 0; stop.Elapsed < duration; i++)
            {
                var eventId = $"{prefix}-{worker}-{(i % 7 == 6 ? i - 1 : i)}"; // every 7th message repeats the one before
                var started = Stopwatch.GetTimestamp();
                var response = (i % 4) switch
                {
                    1 when i % 8 == 5 => await client.PostJsonAsync("/sync/account/records/batch", new[]
                    {
                        new { event_id = eventId, object_name = $"Load {prefix}", action_name = "Create", account_no = worker + 1, payload = "{}" },
                        new { event_id = $"{eventId}-b", object_name = $"Load {prefix}", action_name = "Create", account_no = worker + 1, payload = "{}" },
                    }),
                    0 or 1 => await client.PostJsonAsync("/sync/account/records", new
                    {
                        event_id = eventId, object_name = $"Load {prefix}", action_name = "Create", account_no = worker + 1,
                        payload = i % 3 == 0 ? "{\"error\":\"ACCOUNT_IS_NOT_FOUND\"}" : "{}",
                    }),
                    2 => await client.GetAsync($"/sync/account/records?object_name={prefix}&page_size=20"),
                    _ => await client.GetAsync("/sync/account/summary"),
                };
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if ((int)response.StatusCode >= 500)
                {
                    serverErrors.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                else if (i % 4 is 1 && i % 8 == 5)
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    sent.TryAdd($"{worker % 2}:{eventId}", 0);
                    sent.TryAdd($"{worker % 2}:{eventId}-b", 0);
                }
                else if (i % 4 is 0 or 1)
                {
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    sent.TryAdd($"{worker % 2}:{eventId}", 0);
                }

                response.Dispose();
            }
        })));
        var elapsed = stop.Elapsed;

        Assert.Empty(serverErrors);
        foreach (var (clientNo, key, parity) in new[] { (1000L, "ops-key", 0), (2000L, "other-key", 1) })
        {
            using var client = host.As(clientNo, key);
            var ids = new List<string>();
            string? token = null;
            do
            {
                var page = await (await client.GetAsync($"/sync/account/records?object_name={prefix}&page_size=1000"
                    + (token is null ? "" : $"&continuation_token={Uri.EscapeDataString(token)}"))).JsonAsync();
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("event_id").GetString()!));
                token = page.GetProperty("continuation_token").GetString();
            }
            while (token is not null);

            var expected = sent.Keys.Where(k => k.StartsWith($"{parity}:", StringComparison.Ordinal)).Select(k => k[2..]).Order().ToArray();
            Assert.Equal(ids.Count, ids.Distinct().Count()); // nothing duplicated
            Assert.Equal(expected, ids.Order().ToArray()); // nothing lost, nothing of the other client
        }

        var sorted = latencies.Order().ToArray();
        output.WriteLine(
            $"load on {store}, {clients} clients: {sorted.Length} requests in {elapsed.TotalSeconds:0.0} s = {sorted.Length / elapsed.TotalSeconds:0} req/s; " +
            $"p50 {sorted[sorted.Length / 2]:0.0} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:0.0} ms, max {sorted[^1]:0.0} ms; " +
            $"{sent.Count} messages stored once each; 0 responses 5xx");
    }
}

/// <summary>The load tests run alone: nothing else competes for the machine while they measure, and they slow nothing else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Load";
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Aria.Billing.Testing.Skipping;
using Npgsql;
using Xunit.Abstractions;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>
/// 50 concurrent clients for 30 s (ARIA_BILLING_LOAD_SECONDS to change) against the host served by Kestrel on loopback:
/// ingest (some messages sent twice), search, summary and detail. No 5xx; afterwards every message sent is stored exactly
/// once. Requests per second and the p99 latency are written to the test output.
/// </summary>
[RequiresEnvironment("ARIA_BILLING_TEST_POSTGRES")]
[Collection(LoadCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("ARIA_BILLING_LOAD_SECONDS"), out var s) && s > 0 ? s : 30);

    [Fact]
    public Task FiftyClients_OnSqlite_NoServerErrors_NothingLostOrDuplicated() => RunAsync(null, "SQLite");

    [StoreFact]
    public async Task FiftyClients_OnPostgreSql_NoServerErrors_NothingLostOrDuplicated()
    {
        var server = Environment.GetEnvironmentVariable("ARIA_BILLING_TEST_POSTGRES")!;
        var schema = "load_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await RunAsync(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 40 }.ConnectionString, "PostgreSQL");
    }

    private async Task RunAsync(string? postgres, string store)
    {
        using var host = HostFactory.OnKestrel(postgres);
        host.StartServer();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var latencies = new ConcurrentBag<double>();
        var serverErrors = new ConcurrentBag<string>();
        var sent = new ConcurrentDictionary<string, byte>();
        var stop = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(worker => Task.Run(async () =>
        {
            using var client = worker % 2 == 0 ? host.As(1000, "ops-key") : host.As(2000, "other-key");
            for (var i = 0; stop.Elapsed < Duration; i++)
            {
                var eventId = $"{prefix}-{worker}-{(i % 7 == 6 ? i - 1 : i)}"; // every 7th message repeats the one before
                var started = Stopwatch.GetTimestamp();
                var response = (i % 4) switch
                {
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
            $"load on {store}: {sorted.Length} requests in {elapsed.TotalSeconds:0.0} s = {sorted.Length / elapsed.TotalSeconds:0} req/s; " +
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

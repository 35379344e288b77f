// The chaos test (issue #15 item 10): drives the reference host as a real process, kills it with SIGKILL during ingest,
// a bulk reprocess and a job run, stops it with SIGTERM during a job, restarts it each time, then checks the database:
// nothing lost, nothing handled twice beyond the at-least-once batch of a dead worker, nothing PENDING or Running, jobs in
// order. Prints its figures; exits 1 on any violation.
//   dotnet run --project .ci/chaos -- <host dll> sqlite|postgres [connection string]
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: <host dll> sqlite|postgres [connection string]");
    return 2;
}

var watch = Stopwatch.StartNew();
var hostDll = Path.GetFullPath(args[0]);
var store = args[1];
var postgres = store == "postgres" ? (args.Length > 2 ? args[2] : Environment.GetEnvironmentVariable("ARIA_BILLING_TEST_POSTGRES")) : null;
if (store == "postgres" && string.IsNullOrEmpty(postgres))
{
    Console.Error.WriteLine("chaos: postgres needs a connection string (ARIA_BILLING_TEST_POSTGRES)");
    return 2;
}

var work = Directory.CreateTempSubdirectory("aria-chaos-");
var client = 7000 + Random.Shared.Next(0, 2000); // its own client: a shared PostgreSQL database may hold other runs' rows
Host.ClientNo = client.ToString(CultureInfo.InvariantCulture);
var invocationLog = Path.Combine(work.FullName, "invocations.log");
var sqlitePath = Path.Combine(work.FullName, "chaos.db");
const int IngestConcurrency = 16, SyncBatch = 50, ItemWorkers = 4, ClaimBatch = 5, ItemsPerJob = 30;
var env = new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development", // the sample key, for client `client`
    ["AriaHost__Clients__0__ClientNo"] = client.ToString(CultureInfo.InvariantCulture),
    ["AriaHost__Storage"] = postgres is null ? "Sqlite" : "PostgreSql",
    ["AriaHost__Sqlite__Path"] = sqlitePath,
    ["AriaHost__PostgreSql__ConnectionString"] = postgres ?? "",
    ["AriaHost__Demo__InvocationLog"] = invocationLog,
    ["AriaHost__Demo__WorkItemsPerJob"] = ItemsPerJob.ToString(CultureInfo.InvariantCulture),
    ["AriaHost__Demo__WorkItemDelay"] = "00:00:00.080",
    ["AriaHost__Demo__SyncDelay"] = "00:00:00.002",
    ["AriaHost__ShutdownTimeout"] = "00:00:05",
    ["AriaHost__RateLimit__PermitsPerSecond"] = "100000",
    ["AriaHost__RateLimit__Burst"] = "100000",
    ["AriaBilling__Jobs__Lease"] = "00:00:03",
    ["AriaBilling__Jobs__Workers"] = ItemWorkers.ToString(CultureInfo.InvariantCulture),
    ["AriaBilling__Jobs__ClaimBatch"] = ClaimBatch.ToString(CultureInfo.InvariantCulture),
    ["AriaBilling__Jobs__Driver__Interval"] = "00:00:01",
    ["AriaBilling__Sync__OperationLease"] = "00:00:03",
    ["AriaBilling__Sync__PendingLease"] = "00:00:03",
    ["AriaBilling__Sync__RecoveryInterval"] = "00:00:01",
    ["AriaBilling__Sync__BatchSize"] = SyncBatch.ToString(CultureInfo.InvariantCulture),
    ["Logging__LogLevel__Default"] = "Warning",
};

var acknowledged = new ConcurrentDictionary<string, bool>(); // event id → whether it was sent with an error to fix on reprocess
long requests = 0, unanswered = 0, kills = 0, terms = 0;
var killing = 0;
var violations = new List<string>();
var termSeconds = 0.0;
var operationLocation = "";
long interrupted = 0;
Host? host = null;
try
{
    // 1. kill -9 during many concurrent ingests with known event ids (a third of them fail until reprocessed)
    host = await Host.StartAsync(hostDll, env, work.FullName);
    using (var stop = new CancellationTokenSource())
    {
        var next = 0;
        var senders = Enumerable.Range(0, IngestConcurrency).Select(_ => Task.Run(async () =>
        {
            using var http = host.Client();
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                var id = $"ev-{n:D6}";
                var failing = n % 3 == 0;
                var body = JsonSerializer.Serialize(new
                {
                    event_id = id, object_name = "Plan chaos", action_name = "Create", account_no = 7,
                    payload = failing ? """{"error":"PRICE_OFFER_IS_NOT_FOUND","fixed_on_reprocess":true}""" : "{}",
                });
                try
                {
                    using var response = await http.PostAsync("/sync/catalog/records", new StringContent(body, Encoding.UTF8, "application/json"), stop.Token);
                    Interlocked.Increment(ref requests);
                    if ((int)response.StatusCode is 200 or 201)
                    {
                        acknowledged[id] = failing;
                    }
                    else
                    {
                        lock (violations)
                        {
                            violations.Add($"ingest of {id} answered {(int)response.StatusCode}");
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
                {
                    // the host died under the request: not acknowledged; any other failure is a violation
                    Interlocked.Increment(ref unanswered);
                    if (Volatile.Read(ref killing) == 0)
                    {
                        lock (violations)
                        {
                            violations.Add($"ingest of {id} failed while the host was up: {ex.Message}");
                        }
                    }

                    return;
                }
            }
        })).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(4));
        Volatile.Write(ref killing, 1);
        host.Kill(); kills++;
        stop.Cancel();
        await Task.WhenAll(senders);
    }

    Console.WriteLine($"chaos[{store}]: ingest killed after {acknowledged.Count} acknowledged records ({unanswered} requests cut by the kill)");

    // 2. kill -9 during a bulk reprocess of the ERROR records
    host = await Host.StartAsync(hostDll, env, work.FullName);
    using (var http = host.Client())
    {
        await WaitUntilAsync(async () => await PendingAsync(http) == 0, TimeSpan.FromSeconds(30), () => "PENDING records after the ingest kill were not recovered");
        var reprocess = await http.PostAsync("/sync/catalog/reprocess", Json(new { level = "all" })); requests++;
        Require((int)reprocess.StatusCode == 202, $"bulk reprocess answered {(int)reprocess.StatusCode}");
        operationLocation = reprocess.Headers.Location?.ToString() ?? "";
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        var at = await OperationStateAsync(http, operationLocation);
        Require(at == "running", $"the bulk reprocess was {at} when the host was killed, not running (nothing was tested)");
    }

    host.Kill(); kills++;

    // 3. kill -9 during a job run
    host = await Host.StartAsync(hostDll, env, work.FullName);
    using (var http = host.Client())
    {
        var schedule = await http.PutAsync("/jobs/schedules/chaos", Json(new
        {
            frequency = "daily", time = "02:30",
            jobs = new[] { new { name = "Rating", job_type = "usage-rating" }, new { name = "Sync", job_type = "sync-transactions" }, new { name = "Billing", job_type = "billing" } },
        }));
        requests++;
        Require(schedule.IsSuccessStatusCode, $"schedule answered {(int)schedule.StatusCode}");
        var trigger = await http.PostAsync("/jobs/schedules/chaos/runs", Json(new { run_date = "2025-03-01", idempotency_key = "chaos-1" })); requests++;
        Require((int)trigger.StatusCode == 202, $"trigger answered {(int)trigger.StatusCode}");
        await RunningAsync(http, trigger);
    }

    host.Kill(); kills++;

    // 4. SIGTERM during a job: the host stops within its shutdown timeout
    host = await Host.StartAsync(hostDll, env, work.FullName);
    using (var http = host.Client())
    {
        var trigger = await http.PostAsync("/jobs/schedules/chaos/runs", Json(new { run_date = "2025-03-02", idempotency_key = "chaos-2" })); requests++;
        Require((int)trigger.StatusCode == 202, $"trigger answered {(int)trigger.StatusCode}");
        await RunningAsync(http, trigger);
    }

    var term = Stopwatch.StartNew();
    host.Terminate(); terms++;
    var stopped = host.WaitForExit(TimeSpan.FromSeconds(20));
    termSeconds = term.Elapsed.TotalSeconds;
    Require(stopped && termSeconds < 5 + 3, $"SIGTERM: the host took {termSeconds:0.0} s to stop (shutdown timeout 5 s)");
    if (!stopped)
    {
        host.Kill();
    }

    // 5. restart and let recovery finish everything, then stop gracefully and look in the database
    host = await Host.StartAsync(hostDll, env, work.FullName);
    using (var http = host.Client())
    {
        var state = "";
        await WaitUntilAsync(async () =>
        {
            var runs = await RunStatusesAsync(http);
            var operation = await OperationStateAsync(http, operationLocation);
            var pendingNow = await PendingAsync(http);
            state = $"runs [{string.Join(", ", runs)}], reprocess {operation}, {pendingNow} PENDING";
            return runs.Count == 2 && runs.All(s => s == "ok") && operation == "completed" && pendingNow == 0;
        }, TimeSpan.FromSeconds(90), () => $"recovery did not finish ({state})");

        // The record a crashed reprocess held is left ERROR with an "interrupted" attempt (never run twice by itself):
        // the operator's reprocess takes it, as it would any ERROR record.
        interrupted = await ErrorsAsync(http);
        if (interrupted > 0)
        {
            var again = await http.PostAsync("/sync/catalog/reprocess", Json(new { level = "all" })); requests++;
            Require((int)again.StatusCode == 202, $"the operator's reprocess answered {(int)again.StatusCode}");
            await WaitUntilAsync(async () => await ErrorsAsync(http) == 0, TimeSpan.FromSeconds(30), () => "ERROR records left after the operator's reprocess");
        }
    }

    host.Terminate();
    host.WaitForExit(TimeSpan.FromSeconds(20));

    var figures = Check(postgres, sqlitePath, client, acknowledged, invocationLog, kills, violations);
    Console.WriteLine($"chaos[{store}]: requests {requests} answered + {unanswered} cut, acknowledged {acknowledged.Count}, kills {kills} (SIGKILL) + {terms} (SIGTERM, stopped in {termSeconds:0.0} s), "
        + $"records checked {figures.Records}, work items checked {figures.Items}, duplicates {figures.Duplicates} (allowed {figures.Allowed}), "
        + $"left ERROR by a crashed reprocess {interrupted}, pending {figures.Pending}, running {figures.Running}, seconds {watch.Elapsed.TotalSeconds:0}");
}
catch (Exception ex)
{
    violations.Add($"chaos run failed: {ex.Message}");
    if (host is not null)
    {
        Console.Error.WriteLine(host.Log());
    }
}
finally
{
    host?.Dispose();
    SqliteConnection.ClearAllPools();
    try
    {
        work.Delete(recursive: true);
    }
    catch (IOException)
    {
    }
}

foreach (var violation in violations)
{
    Console.Error.WriteLine($"chaos[{store}]: VIOLATION {violation}");
}

return violations.Count == 0 ? 0 : 1;

void Require(bool condition, string violation)
{
    if (!condition)
    {
        violations.Add(violation);
    }
}

static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan limit, Func<string> what)
{
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < limit)
    {
        if (await done())
        {
            return;
        }

        await Task.Delay(250);
    }

    throw new TimeoutException($"{what()} within {limit.TotalSeconds} s");
}

static async Task<long> SummaryCountAsync(HttpClient http, string status)
{
    using var response = await http.GetAsync($"/sync/catalog/records?status={status}&page_size=1");
    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return json.RootElement.TryGetProperty("total_count", out var total) ? total.GetInt64() : -1;
}

// Waits until the run's second job is running (its first has ended), so the signal lands in the middle of the run.
static async Task RunningAsync(HttpClient http, HttpResponseMessage trigger)
{
    var location = trigger.Headers.Location?.ToString() ?? throw new InvalidOperationException("the trigger gave no run location");
    await WaitUntilAsync(async () =>
    {
        using var response = await http.GetAsync(location);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("jobs")[1].GetProperty("status").GetString() == "running";
    }, TimeSpan.FromSeconds(30), () => $"run {location} did not reach its second job");
    await Task.Delay(TimeSpan.FromMilliseconds(300));
}

static async Task<string> OperationStateAsync(HttpClient http, string location)
{
    if (location.Length == 0)
    {
        return "none";
    }

    using var response = await http.GetAsync(location);
    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return json.RootElement.TryGetProperty("state", out var state) ? state.GetString() ?? "" : $"HTTP {(int)response.StatusCode}";
}

static Task<long> PendingAsync(HttpClient http) => SummaryCountAsync(http, "pending");

static Task<long> ErrorsAsync(HttpClient http) => SummaryCountAsync(http, "error");

static async Task<List<string>> RunStatusesAsync(HttpClient http)
{
    using var response = await http.GetAsync("/jobs/audit?from=2025-03-01&to=2025-03-02");
    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return json.RootElement.TryGetProperty("items", out var items)
        ? [.. items.EnumerateArray().Select(r => r.GetProperty("status").GetString() ?? "")]
        : [];
}

static Figures Check(string? postgres, string sqlitePath, int client, ConcurrentDictionary<string, bool> acknowledged, string invocationLog, long kills, List<string> violations)
{
    var syncCalls = new Dictionary<string, int>(StringComparer.Ordinal);
    var itemCalls = new Dictionary<(Guid, int, string), int>();
    var itemOrder = new List<(Guid Run, int Job)>();
    foreach (var line in File.ReadLines(invocationLog))
    {
        var parts = line.Split(' ');
        if (parts[0] == "sync" && parts[1] == client.ToString(CultureInfo.InvariantCulture))
        {
            syncCalls[parts[3]] = syncCalls.GetValueOrDefault(parts[3]) + 1;
        }
        else if (parts[0] == "item")
        {
            var key = (Guid.Parse(parts[1]), int.Parse(parts[2], CultureInfo.InvariantCulture), parts[3]);
            itemCalls[key] = itemCalls.GetValueOrDefault(key) + 1;
            itemOrder.Add((key.Item1, key.Item2));
        }
    }

    using DbConnection connection = postgres is null ? new SqliteConnection($"Data Source={sqlitePath}") : new NpgsqlConnection(postgres);
    connection.Open();
    long records = 0, pending = 0, running = 0, duplicates = 0, items = 0;
    var seen = new Dictionary<string, int>(StringComparer.Ordinal);
    foreach (var row in Query(connection, $"SELECT event_id, status, attempts FROM sync_record WHERE client = {client}"))
    {
        records++;
        var eventId = (string)row[0];
        var status = Convert.ToInt32(row[1], CultureInfo.InvariantCulture);
        seen[eventId] = seen.GetValueOrDefault(eventId) + 1;
        pending += status == 0 ? 1 : 0;
        if (status != 1)
        {
            violations.Add($"record {eventId} ended in status {status}, not COMPLETE");
        }

        using var attempts = JsonDocument.Parse((string)row[2]);
        var handled = attempts.RootElement.EnumerateArray().Count(a => !string.Equals(Kind(a), "interrupted", StringComparison.OrdinalIgnoreCase));
        var calls = syncCalls.GetValueOrDefault(eventId);
        if (calls < handled)
        {
            violations.Add($"record {eventId}: {handled} handlings recorded but the handler ran {calls} times");
        }

        duplicates += Math.Max(0, calls - handled);
    }

    foreach (var (eventId, failing) in acknowledged)
    {
        var count = seen.GetValueOrDefault(eventId);
        if (count != 1)
        {
            violations.Add($"acknowledged record {eventId} is present {count} times");
        }
    }

    running += Count(connection, $"SELECT COUNT(*) FROM sync_operation WHERE client = {client} AND state = 0");
    var runs = Query(connection, $"SELECT id, status, jobs FROM schedule_run WHERE client = {client}");
    foreach (var run in runs)
    {
        var id = run[0] is Guid g ? g : Guid.Parse((string)run[0]);
        var status = Convert.ToInt32(run[1], CultureInfo.InvariantCulture);
        running += status == 1 ? 1 : 0;
        if (status != 2)
        {
            violations.Add($"run {id} ended in status {status}, not Ok");
        }

        // jobs in order: every item of job i was processed before any item of job i + 1
        var order = itemOrder.Where(o => o.Run == id).Select(o => o.Job).ToList();
        for (var i = 1; i < order.Count; i++)
        {
            if (order[i] < order[i - 1])
            {
                violations.Add($"run {id}: an item of job {order[i]} ran after an item of job {order[i - 1]}");
                break;
            }
        }
    }

    foreach (var item in Query(connection, $"SELECT w.run_id, w.job_index, w.item_key, w.state, w.attempts FROM work_item w JOIN schedule_run r ON r.id = w.run_id WHERE r.client = {client}"))
    {
        items++;
        var key = (item[0] is Guid g ? g : Guid.Parse((string)item[0]), Convert.ToInt32(item[1], CultureInfo.InvariantCulture), (string)item[2]);
        var state = Convert.ToInt32(item[3], CultureInfo.InvariantCulture);
        var attempts = Convert.ToInt32(item[4], CultureInfo.InvariantCulture);
        running += state is 0 or 1 ? 1 : 0;
        if (state != 2)
        {
            violations.Add($"work item {key} ended in state {state}, not Completed");
        }

        var calls = itemCalls.GetValueOrDefault(key);
        if (calls < 1)
        {
            violations.Add($"work item {key} completed without its handler running");
        }

        duplicates += Math.Max(0, calls - 1);
        if (calls > attempts)
        {
            violations.Add($"work item {key} ran {calls} times in {attempts} claims");
        }
    }

    if (runs.Count != 2)
    {
        violations.Add($"{runs.Count} runs in the database, 2 expected");
    }

    if (items != 2L * 3 * ItemsPerJob)
    {
        violations.Add($"{items} work items in the database, {2 * 3 * ItemsPerJob} expected");
    }

    // at-least-once: a dead worker may have handled, without recording, what it held — one ingest per sender, one
    // reprocess batch, the items each of its workers had claimed.
    var allowed = kills * Math.Max(IngestConcurrency, Math.Max(SyncBatch, ItemWorkers * ClaimBatch));
    if (duplicates > allowed)
    {
        violations.Add($"{duplicates} handlings beyond the recorded ones, more than the {allowed} a dead worker's batches allow");
    }

    if (pending > 0 || running > 0)
    {
        violations.Add($"{pending} PENDING records and {running} Running runs, operations or work items after recovery");
    }

    return new Figures(records, items, duplicates, allowed, pending, running);
}

static string? Kind(JsonElement attempt) =>
    attempt.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "kind", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

static List<object[]> Query(DbConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    var rows = new List<object[]>();
    while (reader.Read())
    {
        var row = new object[reader.FieldCount];
        reader.GetValues(row);
        rows.Add(row);
    }

    return rows;
}

static long Count(DbConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}

/// <summary>What the check counted.</summary>
internal sealed record Figures(long Records, long Items, long Duplicates, long Allowed, long Pending, long Running);

/// <summary>The reference host as a process.</summary>
internal sealed class Host : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private Host(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<Host> StartAsync(string dll, IReadOnlyDictionary<string, string> env, string folder)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        var host = new Host(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await probe.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        var log = host.Log();
        host.Dispose();
        throw new InvalidOperationException($"the host did not start:\n{log}");
    }

    public HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Aria-Client-No", ClientNo);
        http.DefaultRequestHeaders.Add("X-Aria-Auth-Key", "change-me-ops-key");
        return http;
    }

    /// <summary>The client number the host was started for (set by the caller's environment).</summary>
    public static string ClientNo { get; set; } = "1000";

    public void Kill()
    {
        _process.Kill(); // SIGKILL
        _process.WaitForExit();
    }

    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public bool WaitForExit(TimeSpan limit) => _process.WaitForExit(limit);

    public string Log() => string.Join('\n', _log.TakeLast(60));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }
}

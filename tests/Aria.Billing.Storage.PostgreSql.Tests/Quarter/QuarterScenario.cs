using System.Collections.Concurrent;
using System.Diagnostics;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;
using Aria.Billing.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Aria.Billing.Storage.Quarter;

/// <summary>
/// A simulated quarter (2025-01-01 → 2025-04-01) run through the real DI wiring of every node
/// (<c>AddAriaBilling().AddSync().AddPlans().AddJobs()</c> on the store <see cref="QuarterScenario"/> is given): one shared
/// <see cref="FakeClock"/> is the <see cref="IClock"/> of every node and moves in 6-hour steps; each node has its own
/// <see cref="FakeTimeProvider"/>, advanced by one interval after each step so that every hosted duty (schedule driver and
/// run recovery, due plan changes, sync recovery) runs one more pass; the test then polls the store until the passes have
/// done what is due (bounded). Node A is stopped abruptly twice — once mid bulk reprocess, once right after its duties were
/// set off — and started again a few days later as a new process on the same database.
/// </summary>
/// <remarks>
/// "Abruptly" here: the stop token of every hosted service is already cancelled when StopAsync is called (the host does not
/// wait for the passes in flight), the reprocess in flight is cancelled at once, and the provider is disposed; nothing is
/// handed back by the test. A process kill cannot be had in-process; what a kill adds — leases left held — is produced by
/// the bulk reprocess stopped mid-batch (its lease is left to expire) and by the job leases the store keeps until expiry.
/// </remarks>
internal sealed class QuarterScenario(ITestOutputHelper output, Action<IAriaBillingBuilder> useStore) : IAsyncDisposable
{
    public static readonly ClientNumber Client = new(1000);
    private static readonly AccountNumber Account = new(77);
    private static readonly LocalDate First = new(2025, 1, 1);
    private static readonly LocalDate Last = new(2025, 3, 31);
    private static readonly Duration Step = Duration.FromHours(6);
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);
    private const int Instances = 6;
    private const int ChangesPerInstance = 8;
    private const int SyncRecords = 120;

    // The schedules' times (06:00, 18:00 UTC) fall on the 6-hour steps: a run started while a node is up is on time, and
    // only the dates missed while no node ran are caught up.
    private readonly FakeClock _clock = FakeClock.AtUtc(First);
    private readonly Applier _applier = new();
    private readonly RecordHandler _records = new();
    private readonly JobHandler _jobs = new();
    private readonly List<Node> _nodes = [];
    private readonly Dictionary<Guid, (PlanInstanceNumber Instance, LocalDate Date)> _changes = [];
    private int _incarnations;
    private int _extraTicks;

    /// <summary>Runs the quarter with <paramref name="nodes"/> nodes (node A is the one stopped), then checks everything in the store.</summary>
    /// <returns>How many times node A was stopped abruptly.</returns>
    public async Task<int> RunAsync(int nodes, int[] crashDays, int downDays)
    {
        var watch = Stopwatch.StartNew();
        for (var n = 0; n < nodes; n++)
        {
            _nodes.Add(await StartNodeAsync(((char)('a' + n)).ToString()));
        }

        var a = _nodes[0];
        await SeedAsync(a.Services);
        Guid? operation = null;
        Task? reprocessOnA = null;
        var restartAt = new Dictionary<int, int>();
        var steps = (int)((Last.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - _clock.GetCurrentInstant()) / Step);
        var crashes = 0;
        for (var step = 1; step <= steps; step++)
        {
            _clock.Advance(Step);
            _applier.Now = _clock.GetCurrentInstant();
            var day = (int)((_clock.GetCurrentInstant() - FakeClock.AtUtc(First).GetCurrentInstant()).TotalDays);
            if (restartAt.Remove(step, out var slot))
            {
                _nodes[slot] = await StartNodeAsync("a");
                a = _nodes[slot];
            }

            var crashNow = crashes < crashDays.Length && day == crashDays[crashes] && _clock.GetCurrentInstant().InUtc().Hour == 12;
            if (crashNow && crashes == 0)
            {
                // A bulk reprocess of every ERROR record starts on node A; A goes down in the middle of it.
                var reprocessor = a.Services.GetRequiredService<SyncReprocessor>();
                var started = await reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Reprocess, SyncScope.All(), "ops");
                Assert.True(started.IsSuccess, started.IsFailure ? started.Errors[0].Message : null);
                operation = started.Value.Id;
                _records.BlockAfter(SyncRecords / 3);
                reprocessOnA = reprocessor.RunAsync(Client, started.Value.Id, cancellationToken: a.Crash.Token);
                await _records.Blocked.WaitAsync(TimeSpan.FromSeconds(20));
            }

            foreach (var node in _nodes.Where(x => x.Running))
            {
                node.Time.Advance(Tick);
            }

            if (crashNow)
            {
                // Node A goes down right after its duties were set off for this step (and, the first time, mid reprocess).
                output.WriteLine($"{a.Id} stopped abruptly at {_clock.GetCurrentInstant()}");
                await CrashAsync(a);
                crashes++;
                restartAt[step + (downDays * 4)] = _nodes.IndexOf(a);
                if (reprocessOnA is not null)
                {
                    await Task.WhenAny(reprocessOnA, Task.Delay(TimeSpan.FromSeconds(10)));
                    _records.Unblock();
                    reprocessOnA = null;
                }
            }

            if (_nodes.All(x => !x.Running))
            {
                continue; // no node is up: nothing happens until one starts again
            }

            await WaitForAsync(step, crashNow ? null : operation);
        }

        output.WriteLine($"quarter simulated in {watch.Elapsed.TotalSeconds:F1} s: {steps} steps of 6 h, {nodes} node(s), node A stopped abruptly {crashes} time(s), {_incarnations} node start(s), "
            + $"{_extraTicks} extra tick(s) within a step");
        await CheckAsync(_nodes.First(x => x.Running).Services, operation, crashes);
        return crashes;
    }

    private async Task<Node> StartNodeAsync(string name)
    {
        var incarnation = ++_incarnations;
        var id = $"node-{name}-{incarnation}";
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IPlanInstanceDirectory>(new Directory());
        services.AddSingleton<IPlanChangeApplier>(new NodeApplier(_applier, id));
        services.AddSingleton<ISyncRecordHandler>(_records);
        services.AddSingleton(_jobs);
        services.Configure<ScheduleDriverOptions>(o => o.Interval = Tick);
        services.Configure<PlanChangeQueueOptions>(o => (o.ProcessDueEvery, o.ProcessorId, o.ClaimLease) = (Tick, id, TimeSpan.FromMinutes(30)));
        var builder = services.AddAriaBilling()
            .AddSync(o => (o.RunnerId, o.RecoveryInterval, o.BatchSize, o.OperationLease) = (id, Tick, 10, TimeSpan.FromMinutes(30)))
            .AddPlans()
            .AddJobs(o => (o.WorkerId, o.Lease, o.Workers) = (id, TimeSpan.FromMinutes(30), 2))
            .AddJobHandler<JobHandler>(JobTypes.Billing)
            .AddJobHandler<JobHandler>("statements");
        useStore(builder);
        var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(default);
        }

        return new Node(id, provider, hosted, time);
    }

    private static async Task CrashAsync(Node node)
    {
        node.Running = false;
        await node.Crash.CancelAsync();
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();
        foreach (var service in node.Hosted.Reverse())
        {
            await service.StopAsync(stopped.Token);
        }

        await node.Services.DisposeAsync();
    }

    private async Task SeedAsync(IServiceProvider services)
    {
        var saved = _clock.GetCurrentInstant(); // saved as the quarter begins: nothing before it is back-filled
        var schedules = services.GetRequiredService<IJobScheduleStore>();
        await schedules.SaveAsync(TestSchedules.Stored(Client, "daily",
            """{"frequency":"daily","time":"06:00","time_zone":"UTC","jobs":[{"name":"Billing","job_type":"billing"}]}""", saved, "ops"));
        await schedules.SaveAsync(TestSchedules.Stored(Client, "month-end",
            """{"frequency":"month_end","time":"18:00","time_zone":"UTC","jobs":[{"name":"Statements","job_type":"statements"}]}""", saved, "ops"));

        // Dated unit changes: each instance gets changes on distinct dates, queued out of date order.
        var queue = services.GetRequiredService<PlanChangeQueue>();
        var random = new Random(14);
        for (var i = 0; i < Instances; i++)
        {
            var instance = new PlanInstanceNumber(100 + i);
            var dates = Enumerable.Range(1, 88).OrderBy(_ => random.Next()).Take(ChangesPerInstance).Select(d => First.PlusDays(d)).ToArray();
            foreach (var date in dates)
            {
                var queued = await queue.QueueAsync(new QueuePlanChangeRequest
                {
                    Client = Client, Account = Account, Instance = instance, Kind = PlanChangeKind.Units, EffectiveDate = date, Units = date.Day,
                }, "ops");
                Assert.True(queued.IsSuccess, queued.IsFailure ? queued.Errors[0].Message : null);
                _changes.Add(queued.Value.Id, (instance, date));
            }
        }

        var records = services.GetRequiredService<ISyncRecordStore>();
        for (var i = 0; i < SyncRecords; i++)
        {
            await records.AddAsync(new SyncRecord
            {
                Client = Client, Domain = SyncDomain.Account, EventId = $"E{i}", EventTime = _clock.GetCurrentInstant(), ObjectType = 1,
                ObjectName = "Account", ActionName = "Create", Action = "create", AccountNumber = new AccountNumber(1 + (i % 10)),
                Status = SyncStatus.Error, ErrorCode = "ACCOUNT_IS_NOT_FOUND", ErrorMessage = "not found", Payload = $"{{\"event\":{i}}}",
            });
        }
    }

    /// <summary>Polls until the passes set off by this step have done what is due at the clock's time (at most 20 s).</summary>
    private async Task WaitForAsync(int step, Guid? operation)
    {
        var services = _nodes.First(x => x.Running).Services;
        var runs = services.GetRequiredService<IJobRunStore>();
        var operations = services.GetRequiredService<ISyncOperationStore>();
        var changes = services.GetRequiredService<IPlanChangeStore>();
        var now = _clock.GetCurrentInstant();
        var expectedRuns = ExpectedRuns().Count(r => r.StartsAt <= now);
        var dueChanges = _changes.Where(c => c.Value.Date <= now.InUtc().Date).Select(c => c.Key).ToArray();
        var deadline = Stopwatch.StartNew();
        var nextTick = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var found = await runs.SearchRunsAsync(new RunSearch(Client, First, Last));
            var unfinished = await runs.ListUnfinishedRunsAsync();
            // Due changes count once the store says Executed, not when the applier is called: a pass still between the two
            // when the clock jumps 6 hours would look, to the other node, like an apply that outlived its claim (which
            // IPlanChangeApplier documents as a retry the applier must absorb) — not what this test is about.
            var executed = (await changes.ListAsync(new PlanChangeQuery(Client, Account, null, PlanChangeState.Executed))).Select(c => c.Id).ToHashSet();
            var running = operation is null ? [] : await operations.ListAllRunningOperationsAsync();
            if (found.Count == expectedRuns && unfinished.Count == 0 && dueChanges.All(executed.Contains) && running.Count == 0)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Fail($"step {step} ({now}): runs {found.Count}/{expectedRuns}, unfinished {unfinished.Count}, changes applied "
                    + $"{dueChanges.Count(executed.Contains)}/{dueChanges.Length}, operations running {running.Count}");
            }

            await Task.Delay(5);
            if (deadline.Elapsed > nextTick)
            {
                // Within a 6-hour step a host ticks every interval: a run one node left Running while the other still held
                // items (each saw the other's items in hand) is finished by the next pass, as in production.
                nextTick += TimeSpan.FromMilliseconds(250);
                _extraTicks++;
                foreach (var node in _nodes.Where(x => x.Running))
                {
                    node.Time.Advance(Tick);
                }
            }
        }
    }

    private static IEnumerable<(string Schedule, LocalDate Date, Instant StartsAt)> ExpectedRuns()
    {
        for (var date = First; date <= Last; date = date.PlusDays(1))
        {
            yield return ("daily", date, date.At(new LocalTime(6, 0)).InUtc().ToInstant());
            if (date.PlusDays(1).Day == 1)
            {
                yield return ("month-end", date, date.At(new LocalTime(18, 0)).InUtc().ToInstant());
            }
        }
    }

    private async Task CheckAsync(IServiceProvider services, Guid? operation, int stops)
    {
        // Runs: every date of both schedules once, each ended Ok.
        var runs = await services.GetRequiredService<IJobRunStore>().SearchRunsAsync(new RunSearch(Client, First, Last));
        var expected = ExpectedRuns().Select(r => (r.Schedule, r.Date)).ToHashSet();
        var byKey = runs.GroupBy(r => (r.Schedule, r.RunDate)).ToDictionary(g => g.Key, g => g.ToArray());
        var duplicateRuns = byKey.Values.Sum(g => g.Length - 1);
        var lostRuns = expected.Count(e => !byKey.ContainsKey(e));
        var unexpected = byKey.Keys.Count(k => !expected.Contains(k));
        var notOk = runs.Count(r => r.Status != BatchStatus.Ok);
        var caughtUp = runs.Count(r => r.CaughtUp);
        output.WriteLine($"runs: {runs.Count} (daily {runs.Count(r => r.Schedule == "daily")}, month-end {runs.Count(r => r.Schedule == "month-end")}; "
            + $"expected {expected.Count}), caught up {caughtUp}, duplicates {duplicateRuns}, lost {lostRuns}, unexpected {unexpected}, not Ok {notOk}");

        // Plan changes: each applied once, per instance in effective-date order, and executed in the store.
        var applied = _applier.Calls.ToArray();
        var duplicateChanges = applied.GroupBy(c => c.Id).Sum(g => g.Count() - 1);
        var lostChanges = _changes.Keys.Count(id => applied.All(c => c.Id != id));
        var outOfOrder = applied.GroupBy(c => c.Instance).Sum(g => g.Zip(g.Skip(1)).Count(p => p.Second.Date < p.First.Date));
        foreach (var dup in applied.GroupBy(c => c.Id).Where(g => g.Count() > 1).SelectMany(g => g))
        {
            output.WriteLine($"  applied again: {dup.Id} {dup.Instance} {dup.Date} by {dup.Node} at {dup.At}");
        }

        var stored = await services.GetRequiredService<IPlanChangeStore>().ListAsync(new PlanChangeQuery(Client, Account, null));
        var executed = stored.Count(c => c.State == PlanChangeState.Executed);
        output.WriteLine($"plan changes: {_changes.Count} queued, {applied.Length} applier calls, executed in the store {executed}, "
            + $"duplicates {duplicateChanges}, lost {lostChanges}, out of date order {outOfOrder}");

        // Sync records: the handler ran at most once for each; the operation ended.
        var calls = _records.Calls;
        var twice = calls.Values.Count(c => c > 1);
        var search = await services.GetRequiredService<ISyncRecordStore>().SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.First(PageRequest.MaxSize).Value });
        var complete = search.Items.Count(r => r.Status == SyncStatus.Complete);
        var final = operation is { } id ? await services.GetRequiredService<ISyncOperationStore>().GetOperationAsync(Client, id) : null;
        output.WriteLine($"sync records: {SyncRecords}, handler calls {calls.Values.Sum()} on {calls.Count} records, complete {complete}, "
            + $"left ERROR (caught mid-way by the stop) {search.Items.Count(r => r.Status == SyncStatus.Error)}, handled twice {twice}, operation {final?.State}");

        Assert.Equal((0, 0, 0, 0), (duplicateRuns, lostRuns, unexpected, notOk));
        Assert.Equal(expected.Count, runs.Count);
        Assert.Equal((0, 0, 0), (duplicateChanges, lostChanges, outOfOrder));
        Assert.Equal(_changes.Count, executed);
        Assert.Equal(0, twice);
        Assert.Equal(SyncOperationState.Completed, final?.State);
        Assert.True(complete >= SyncRecords - (10 * stops), $"only {complete} records completed after {stops} stops"); // each stop: at most the group in flight (≤ the batch of 10) stays ERROR
        Assert.All(search.Items.Where(r => r.Status == SyncStatus.Complete), r => Assert.Equal(1, calls.GetValueOrDefault(r.Id)));
    }

    public async ValueTask DisposeAsync()
    {
        _records.Unblock();
        foreach (var node in _nodes.Where(n => n.Running))
        {
            node.Running = false;
            foreach (var service in node.Hosted.Reverse())
            {
                await service.StopAsync(default);
            }

            await node.Services.DisposeAsync();
        }
    }

    private sealed class Node(string id, ServiceProvider services, IHostedService[] hosted, FakeTimeProvider time)
    {
        public string Id { get; } = id;

        public ServiceProvider Services { get; } = services;

        public IHostedService[] Hosted { get; } = hosted;

        public FakeTimeProvider Time { get; } = time;

        public CancellationTokenSource Crash { get; } = new();

        public bool Running { get; set; } = true;
    }

    /// <summary>The billing system's view: every instance is an active master plan instance.</summary>
    private sealed class Directory : IPlanInstanceDirectory
    {
        public ValueTask<PlanInstanceSnapshot?> GetAsync(ClientNumber client, PlanInstanceNumber instance, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<PlanInstanceSnapshot?>(new PlanInstanceSnapshot { Instance = instance, ActiveFrom = new LocalDate(2024, 1, 1) });
    }

    /// <summary>Records every apply call, in the order made across all nodes.</summary>
    private sealed class Applier : IPlanChangeApplier
    {
        public ConcurrentQueue<(Guid Id, PlanInstanceNumber Instance, LocalDate Date, string Node, Instant At)> Calls { get; } = new();

        public Instant Now { get; set; }

        public ValueTask<AriaError?> ApplyAsync(PlanChange change, CancellationToken cancellationToken = default) => Apply(change, "?");

        public ValueTask<AriaError?> Apply(PlanChange change, string node)
        {
            Calls.Enqueue((change.Id, change.Instance, change.EffectiveDate, node, Now));
            return ValueTask.FromResult<AriaError?>(null);
        }
    }

    private sealed class NodeApplier(Applier applier, string node) : IPlanChangeApplier
    {
        public ValueTask<AriaError?> ApplyAsync(PlanChange change, CancellationToken cancellationToken = default) => applier.Apply(change, node);
    }

    /// <summary>Counts the handler's calls per record; can hold the handler (the node is "busy" when it is stopped).</summary>
    private sealed class RecordHandler : ISyncRecordHandler
    {
        private readonly ConcurrentDictionary<long, int> _calls = new();
        private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _blockAfter = int.MaxValue;

        public IReadOnlyDictionary<long, int> Calls => _calls;

        public Task Blocked => _blocked.Task;

        public void BlockAfter(int calls) => Volatile.Write(ref _blockAfter, calls);

        public void Unblock()
        {
            Volatile.Write(ref _blockAfter, int.MaxValue);
            _release.TrySetResult();
        }

        public async ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default)
        {
            _calls.AddOrUpdate(record.Id, 1, (_, c) => c + 1);
            if (_calls.Count > Volatile.Read(ref _blockAfter))
            {
                _blocked.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken); // the node is stopped while this record is in hand
            }

            return SyncOutcome.Complete;
        }
    }

    /// <summary>Each run's job has three work items; counts what was processed.</summary>
    private sealed class JobHandler : IJobHandler
    {
        public ConcurrentDictionary<(Guid Run, string Key), int> Processed { get; } = new();

        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>(["i1", "i2", "i3"]);

        public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
        {
            Processed.AddOrUpdate((run.Id, item.Key), 1, (_, c) => c + 1);
            return ValueTask.FromResult<string?>(null);
        }
    }
}

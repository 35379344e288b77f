using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>The in-memory <see cref="IJobRunStore"/>: one lock makes each operation atomic, with the shared semantics.</summary>
public sealed class InMemoryJobRunStore : IJobRunStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, ScheduleRun> _runs = [];
    private readonly Dictionary<(ClientNumber, string, LocalDate), Guid> _byDate = [];
    private readonly List<WorkItem> _items = [];
    private readonly Dictionary<(Guid, int), List<int>> _byJob = [];
    private readonly HashSet<(Guid, int, string)> _keys = [];
    private readonly Dictionary<(Guid, int), Queue<int>> _pending = [];
    private readonly Dictionary<(Guid, int), HashSet<int>> _running = [];

    /// <inheritdoc />
    public Task<(ScheduleRun Run, bool Created)> CreateRunAsync(ScheduleRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            if (_byDate.TryGetValue((run.Client, run.Schedule, run.RunDate), out var existing))
            {
                return Task.FromResult((_runs[existing], false));
            }

            var stored = run with { Version = 1 };
            _runs[run.Id] = stored;
            _byDate[(run.Client, run.Schedule, run.RunDate)] = run.Id;
            return Task.FromResult((stored, true));
        }
    }

    /// <inheritdoc />
    public Task<ScheduleRun?> GetRunAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_runs.TryGetValue(id, out var run) && run.Client == client ? run : null);
        }
    }

    /// <inheritdoc />
    public Task<ScheduleRun?> UpdateRunAsync(ScheduleRun run, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            if (!_runs.TryGetValue(run.Id, out var current) || current.Version != expectedVersion || current.Client != run.Client)
            {
                return Task.FromResult<ScheduleRun?>(null);
            }

            var stored = run with { Version = expectedVersion + 1 };
            _runs[run.Id] = stored;
            return Task.FromResult<ScheduleRun?>(stored);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduleRun>> SearchRunsAsync(RunSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        lock (_gate)
        {
            IReadOnlyList<ScheduleRun> found = _runs.Values
                .Where(r => r.Client == search.Client && r.RunDate >= search.From && r.RunDate <= search.To)
                .Where(r => search.Status is null || r.Status == search.Status || r.Jobs.Any(j => j.Status == search.Status))
                .Where(r => search.ProcessName is null || r.Jobs.Any(j => string.Equals(j.Name, search.ProcessName, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(r => r.RunDate).ThenBy(r => r.Schedule, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduleRun>> ListUnfinishedRunsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ScheduleRun> unfinished = _runs.Values
                .Where(r => r.Status is BatchStatus.New or BatchStatus.Running or BatchStatus.Incomplete)
                .OrderBy(r => r.RunDate).ThenBy(r => r.Client).ThenBy(r => r.Schedule, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult(unfinished);
        }
    }

    /// <inheritdoc />
    public Task<int> AddWorkItemsAsync(Guid runId, int jobIndex, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            if (!_byJob.TryGetValue((runId, jobIndex), out var indexes))
            {
                _byJob[(runId, jobIndex)] = indexes = [];
            }

            var added = 0;
            foreach (var key in keys)
            {
                if (_keys.Add((runId, jobIndex, key)))
                {
                    Pending(runId, jobIndex).Enqueue(_items.Count);
                    indexes.Add(_items.Count);
                    _items.Add(new WorkItem { Id = _items.Count + 1, RunId = runId, JobIndex = jobIndex, Key = key });
                    added++;
                }
            }

            return Task.FromResult(added);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkItem>> ClaimWorkItemsAsync(
        Guid runId, int jobIndex, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        lock (_gate)
        {
            // Pending items first (a queue, so a claim costs what it takes), then running items whose lease expired.
            var claimed = new List<WorkItem>();
            var pending = Pending(runId, jobIndex);
            var running = Running(runId, jobIndex);
            while (claimed.Count < max && pending.TryDequeue(out var index))
            {
                claimed.Add(Take(index, owner, leaseUntil));
                running.Add(index);
            }

            if (claimed.Count < max)
            {
                foreach (var index in running.Where(i => _items[i].LeaseExpiresAt <= now).Take(max - claimed.Count).ToArray())
                {
                    claimed.Add(Take(index, owner, leaseUntil));
                }
            }

            return Task.FromResult<IReadOnlyList<WorkItem>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> HeartbeatAsync(IReadOnlyList<long> ids, string owner, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            var held = new List<long>();
            foreach (var id in ids)
            {
                var item = _items[(int)id - 1];
                if (item.State == WorkItemState.Running && item.LeaseOwner == owner && item.LeaseExpiresAt > now)
                {
                    _items[(int)id - 1] = item with { LeaseExpiresAt = leaseUntil };
                    held.Add(id);
                }
            }

            return Task.FromResult<IReadOnlyList<long>>(held);
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteWorkItemAsync(long id, string owner, Instant now, string? error, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (id < 1 || id > _items.Count)
            {
                return Task.FromResult(false);
            }

            var item = _items[(int)id - 1];
            if (item.State != WorkItemState.Running || item.LeaseOwner != owner || item.LeaseExpiresAt <= now)
            {
                return Task.FromResult(false);
            }

            Running(item.RunId, item.JobIndex).Remove((int)id - 1);
            _items[(int)id - 1] = item with
            {
                State = error is null ? WorkItemState.Completed : WorkItemState.Failed,
                Error = error,
                LeaseOwner = null,
                LeaseExpiresAt = null,
            };
            return Task.FromResult(true);
        }
    }

    private WorkItem Take(int index, string owner, Instant leaseUntil)
    {
        var item = _items[index];
        _items[index] = item = item with { State = WorkItemState.Running, LeaseOwner = owner, LeaseExpiresAt = leaseUntil, Attempts = item.Attempts + 1 };
        return item;
    }

    private Queue<int> Pending(Guid runId, int jobIndex)
    {
        if (!_pending.TryGetValue((runId, jobIndex), out var queue))
        {
            _pending[(runId, jobIndex)] = queue = new Queue<int>();
        }

        return queue;
    }

    private HashSet<int> Running(Guid runId, int jobIndex)
    {
        if (!_running.TryGetValue((runId, jobIndex), out var set))
        {
            _running[(runId, jobIndex)] = set = [];
        }

        return set;
    }

    /// <inheritdoc />
    public Task<long> CountWorkItemsBeforeAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_byJob.Where(j => j.Key.Item1 == runId && j.Key.Item2 < jobIndex).Sum(j => (long)j.Value.Count));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<WorkItem> items = (_byJob.GetValueOrDefault((runId, jobIndex)) ?? []).Select(i => _items[i]).ToArray();
            return Task.FromResult(items);
        }
    }

    /// <inheritdoc />
    public Task<int> RetryFailedWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var retried = 0;
            foreach (var index in _byJob.GetValueOrDefault((runId, jobIndex)) ?? [])
            {
                var item = _items[index];
                if (item.State == WorkItemState.Failed)
                {
                    _items[index] = item with { State = WorkItemState.Pending, Error = null, History = [.. item.History, item.Error ?? "failed"] };
                    Pending(runId, jobIndex).Enqueue(index);
                    retried++;
                }
            }

            return Task.FromResult(retried);
        }
    }
}

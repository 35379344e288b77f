using Aria.Billing.Sync;
using Aria.Billing.Testing;

namespace Aria.Billing.Sync.Tests;

/// <summary>
/// A log and a reprocessor over the in-memory stores, with a handler that models the rating engine: a record succeeds when
/// its prerequisite exists (an account before its plan instances …), and the world remembers what succeeded.
/// </summary>
internal sealed class SyncFixture
{
    public static readonly ClientNumber Client = new(1000);

    private long _events;

    public SyncFixture(SyncOptions? options = null)
    {
        Log = new SyncLog(Store, Handler, Clock, options);
        Reprocessor = new SyncReprocessor(Store, Operations, Handler, Clock, options);
    }

    public FakeClock Clock { get; } = FakeClock.AtUtc(new LocalDate(2025, 4, 27));

    public InMemorySyncRecordStore Store { get; } = new();

    public InMemorySyncOperationStore Operations { get; } = new();

    public WorldHandler Handler { get; } = new();

    public SyncLog Log { get; }

    public SyncReprocessor Reprocessor { get; }

    /// <summary>Records a message whose first processing fails with <paramref name="errorCode"/> (or succeeds when null).</summary>
    public async Task<SyncRecord> Add(
        string objectName, string actionName, string? errorCode = null, long? account = null, SyncDomain domain = SyncDomain.Account,
        string? key = null, string? requires = null, int objectType = 1, string? action = null)
    {
        var id = Interlocked.Increment(ref _events);
        Handler.FirstOutcome[$"E{id}"] = errorCode;
        if (key is not null || requires is not null)
        {
            Handler.Keys[$"E{id}"] = (key, requires);
        }

        return await Log.IngestAsync(new SyncRecord
        {
            Client = Client, Domain = domain, EventId = $"E{id}", EventTime = Clock.GetCurrentInstant(), ObjectType = objectType,
            ObjectName = objectName, ActionName = actionName, Action = action ?? actionName.ToLowerInvariant(), AriaSyncId = $"S{id}",
            AccountNumber = account is { } a ? new AccountNumber(a) : null, Payload = $"{{\"event\":{id}}}",
        });
    }

    public sealed class WorldHandler : ISyncRecordHandler
    {
        private readonly Lock _gate = new();

        public Dictionary<string, string?> FirstOutcome { get; } = [];

        public Dictionary<string, (string? Key, string? Requires)> Keys { get; } = [];

        public HashSet<string> World { get; } = [];

        public Dictionary<long, int> Calls { get; } = [];

        public Func<SyncRecord, SyncOutcome?>? Override { get; set; }

        public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                Calls[record.Id] = Calls.GetValueOrDefault(record.Id) + 1;
                if (Override?.Invoke(record) is { } forced)
                {
                    return ValueTask.FromResult(forced);
                }

                if (FirstOutcome.Remove(record.EventId, out var first) && first is not null)
                {
                    return ValueTask.FromResult(SyncOutcome.Error(first, $"{first} for {record.ObjectName}"));
                }

                var (key, requires) = Keys.GetValueOrDefault(record.EventId);
                if (requires is not null && !World.Contains(requires))
                {
                    return ValueTask.FromResult(SyncOutcome.Error(record.ErrorCode ?? "MISSING", $"{requires} missing"));
                }

                if (key is not null)
                {
                    World.Add(key);
                }

                return ValueTask.FromResult(SyncOutcome.Complete);
            }
        }
    }
}

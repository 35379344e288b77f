using System.Collections.Concurrent;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.Queue;

/// <summary>A queue over the in-memory store, a directory the test edits and an applier that records every apply.</summary>
internal sealed class QueueFixture
{
    public static readonly ClientNumber Client = new(1000);
    public static readonly AccountNumber Account = new(42);

    public QueueFixture(LocalDate today, PlanChangeQueueOptions? options = null)
    {
        Clock = FakeClock.AtUtc(today);
        Queue = new PlanChangeQueue(Store, Directory, Applier, Clock, DateTimeZone.Utc, options);
    }

    public FakeClock Clock { get; }

    public InMemoryPlanChangeStore Store { get; } = new();

    public FakeDirectory Directory { get; } = new();

    public RecordingApplier Applier { get; } = new();

    public PlanChangeQueue Queue { get; }

    public PlanInstanceSnapshot AddMaster(long instance, LocalDate activeFrom, BillingCycle? cycle = null, string? group = "BG-1", int billLag = 0)
    {
        var snapshot = new PlanInstanceSnapshot
        {
            Instance = new PlanInstanceNumber(instance), PlanKind = PlanKind.Master, ActiveFrom = activeFrom,
            Cycle = cycle ?? BillingCycle.Monthly(activeFrom.Day), BillingGroup = group, BillLagDays = billLag,
        };
        Directory.Set(snapshot);
        return snapshot;
    }

    public PlanInstanceSnapshot AddSupplemental(long instance, long parent, LocalDate activeFrom)
    {
        var snapshot = new PlanInstanceSnapshot
        {
            Instance = new PlanInstanceNumber(instance), Parent = new PlanInstanceNumber(parent), PlanKind = PlanKind.Supplemental, ActiveFrom = activeFrom,
        };
        Directory.Set(snapshot);
        return snapshot;
    }

    public Task<AriaResult<PlanChange>> QueueAsync(
        long instance, PlanChangeKind kind, LocalDate? date = null, long? parent = null, PlanKind planKind = PlanKind.Supplemental,
        PlanChangeTiming timing = PlanChangeTiming.Dated, PlanInstanceStatus? status = null, int? daysUntil = null, bool proceed = false, decimal? units = null) =>
        Queue.QueueAsync(
            new QueuePlanChangeRequest
            {
                Client = Client, Account = Account, Instance = new PlanInstanceNumber(instance), Kind = kind, EffectiveDate = date,
                ParentInstance = parent is { } p ? new PlanInstanceNumber(p) : null, PlanKind = planKind, Timing = timing,
                NewStatus = status, DaysUntilStatusChange = daysUntil, Units = kind == PlanChangeKind.Units ? units ?? 5 : null, Proceed = proceed,
            },
            "csr-ann");

    public sealed class FakeDirectory : IPlanInstanceDirectory
    {
        private readonly ConcurrentDictionary<PlanInstanceNumber, PlanInstanceSnapshot> _instances = new();

        public void Set(PlanInstanceSnapshot snapshot) => _instances[snapshot.Instance] = snapshot;

        public ValueTask<PlanInstanceSnapshot?> GetAsync(ClientNumber client, PlanInstanceNumber instance, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_instances.TryGetValue(instance, out var snapshot) ? snapshot : null);
    }

    public sealed class RecordingApplier : IPlanChangeApplier
    {
        private readonly ConcurrentDictionary<Guid, int> _applied = new();
        private readonly ConcurrentQueue<Guid> _order = new();

        public HashSet<Guid> FailOnce { get; } = [];

        public IReadOnlyDictionary<Guid, int> Applied => _applied;

        public IReadOnlyList<Guid> Order => [.. _order];

        /// <summary>Each instance's units as the applied units changes left them (the billing system's state).</summary>
        public ConcurrentDictionary<PlanInstanceNumber, decimal> Units { get; } = new();

        public ValueTask<AriaError?> ApplyAsync(PlanChange change, CancellationToken cancellationToken = default)
        {
            lock (FailOnce)
            {
                if (FailOnce.Remove(change.Id))
                {
                    return ValueTask.FromResult<AriaError?>(new AriaError(AriaErrorCodes.UnexpectedError, "billing system unavailable"));
                }
            }

            _applied.AddOrUpdate(change.Id, 1, (_, n) => n + 1);
            _order.Enqueue(change.Id);
            if (change is { Kind: PlanChangeKind.Units, Units: { } units })
            {
                Units[change.Instance] = units;
            }

            return ValueTask.FromResult<AriaError?>(null);
        }
    }
}

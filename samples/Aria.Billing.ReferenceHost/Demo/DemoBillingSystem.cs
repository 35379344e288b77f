using System.Collections.Concurrent;
using System.Text.Json;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;
using Aria.Billing.Plans;

namespace Aria.Billing.ReferenceHost.Demo;

/// <summary>
/// Stands in for the billing system of record and the rating engine, so the reference host runs on its own. Replace it
/// with your integration: an <see cref="IPlanInstanceDirectory"/> and <see cref="IPlanChangeApplier"/> over the billing
/// system, an <see cref="ISyncRecordHandler"/> that pushes a record, and an <see cref="IJobHandler"/> per job type.
/// </summary>
/// <remarks>
/// Plan instances: any instance is an active master plan billed monthly on day 1 unless a change assigned it otherwise.
/// Sync records: a record whose payload has <c>"error": "CODE"</c> fails with that code — every time, or only when first
/// processed if the payload also says <c>"fixed_on_reprocess": true</c> (a cause the operator fixed); others complete.
/// Jobs: every job produces <c>WorkItemsPerJob</c> items (configuration <c>AriaHost:Demo:WorkItemsPerJob</c>, default 20)
/// that all succeed.
/// </remarks>
public sealed class DemoBillingSystem(IConfiguration configuration) : IPlanInstanceDirectory, IPlanChangeApplier, ISyncRecordHandler, IJobHandler
{
    private readonly ConcurrentDictionary<(ClientNumber, PlanInstanceNumber), PlanInstanceSnapshot> _instances = new();

    /// <inheritdoc />
    public ValueTask<PlanInstanceSnapshot?> GetAsync(ClientNumber client, PlanInstanceNumber instance, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<PlanInstanceSnapshot?>(_instances.GetValueOrDefault((client, instance)) ?? new PlanInstanceSnapshot
        {
            Instance = instance, PlanKind = PlanKind.Master, ActiveFrom = new NodaTime.LocalDate(2020, 1, 1), Cycle = BillingCycle.Monthly(1),
        });

    /// <inheritdoc />
    public ValueTask<AriaError?> ApplyAsync(PlanChange change, CancellationToken cancellationToken = default)
    {
        if (change.Kind == PlanChangeKind.Assign)
        {
            _instances[(change.Client, change.Instance)] = new PlanInstanceSnapshot
            {
                Instance = change.Instance, Parent = change.ParentInstance, PlanKind = change.PlanKind, ActiveFrom = change.EffectiveDate,
                Cycle = change.PlanKind == PlanKind.Master ? BillingCycle.Anchored(change.EffectiveDate, BillingInterval.Monthly) : null,
            };
        }

        return ValueTask.FromResult<AriaError?>(null);
    }

    /// <inheritdoc />
    public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default)
    {
        try
        {
            using var payload = JsonDocument.Parse(record.Payload);
            var root = payload.RootElement;
            var fixedOnReprocess = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("fixed_on_reprocess", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var code) && code.GetString() is { Length: > 0 } text
                && !(fixedOnReprocess && record.Attempts.Count > 0))
            {
                return ValueTask.FromResult(SyncOutcome.Error(text, $"{record.ObjectName} {record.ActionName} failed in the demo billing system"));
            }
        }
        catch (JsonException)
        {
            return ValueTask.FromResult(SyncOutcome.Error("INVALID_PAYLOAD", "The payload is not JSON."));
        }

        return ValueTask.FromResult(SyncOutcome.Complete);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default)
    {
        var count = configuration.GetValue("AriaHost:Demo:WorkItemsPerJob", 20);
        return ValueTask.FromResult<IReadOnlyList<string>>([.. Enumerable.Range(1, count).Select(i => $"{job.JobType}-{i}")]);
    }

    /// <inheritdoc />
    public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(null);
}

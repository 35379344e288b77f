using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Aria.Billing.Sync;
using Aria.Billing.Testing.Skipping;
using Xunit;

namespace Aria.Billing.Testing.Conformance;

/// <summary>
/// The summary levels and the aggregated-usage batch counts of every <see cref="ISyncRecordStore"/> are read from counters
/// (issue 19); whatever sequence of ingest, handler outcome, reprocess, in-flight mark and release, discard and pending claim
/// ran — one writer or four at once — they equal a recount of the records themselves (spec: billing-sync-reprocess.txt,
/// "Reprocess summary" and "View Incomplete Batch Details").
/// </summary>
public abstract class SyncCounterConformance
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly Instant T0 = Instant.FromUtc(2025, 4, 27, 0, 0);
    private static readonly string[] Objects = ["Account", "Contact"];
    private static readonly string[] Actions = ["Create", "Update"];

    /// <summary>Handler outcomes: a success, and errors whose codes and messages differ by null, empty and text.</summary>
    private static readonly (SyncStatus Status, string? Code, string? Message)[] Outcomes =
    [
        (SyncStatus.Complete, null, null),
        (SyncStatus.Error, "ACCOUNT_IS_NOT_FOUND", "Account is not found"),
        (SyncStatus.Error, "ACCOUNT_IS_NOT_FOUND", "Account 42 is not found"),
        (SyncStatus.Error, null, null),
        (SyncStatus.Error, "", "empty code"),
        (SyncStatus.Error, "PLAN_RATE_SCHEDULE_NOT_FOUND", null),
    ];

    /// <summary>A new, empty store.</summary>
    protected abstract ISyncRecordStore CreateStore();

    /// <summary>How many random cases a property runs (fewer where each case makes a schema).</summary>
    protected virtual int Cases => 25;

    /// <summary>One step of a writer: what it does, on which event or record, with which outcome.</summary>
    /// <param name="Kind">0–2 ingest with an outcome, 3 ingest left PENDING, 4 reprocess an error, 5 mark and release, 6 discard, 7 claim PENDING and process it, 8 bulk ingest of three messages.</param>
    /// <param name="Event">The event (ingest) or the pick among the ERROR records.</param>
    /// <param name="Group">Domain, object, action and batch of an ingested message.</param>
    /// <param name="Outcome">The handler's outcome.</param>
    public sealed record Step(int Kind, int Event, int Group, int Outcome);

    private static readonly Gen<Step> Steps =
        from kind in Gen.Choose(0, 8)
        from @event in Gen.Choose(0, 29)
        from grp in Gen.Choose(0, 15)
        from outcome in Gen.Choose(0, Outcomes.Length - 1)
        select new Step(kind, @event, grp, outcome);

    /// <summary>One writer: after every step the counters equal a recount.</summary>
    [StoreFact]
    public void Counters_RandomSequence_EqualARecountAfterEveryStep()
    {
        Prop.ForAll(Steps.ArrayOf().Select(s => s.Take(30).ToArray()).ToArbitrary(), steps => RunAsync([steps], checkEachStep: true).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    /// <summary>Four writers at once on overlapping events, records and counter rows: the counters equal a recount at the end.</summary>
    [StoreFact]
    public void Counters_FourConcurrentWriters_EqualARecount()
    {
        var writers = Steps.ArrayOf().Select(s => s.Take(25).ToArray()).ArrayOf(4);
        Prop.ForAll(writers.ToArbitrary(), w => RunAsync(w, checkEachStep: false).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    /// <summary>A burst of four writers, each hitting the same few counter rows many times: no deadlock reaches a writer, and the counts hold.</summary>
    [StoreFact]
    public async Task Counters_FourWritersOnTheSameGroups_NoDeadlockAndExact()
    {
        var store = CreateStore();
        var random = new Random(19);
        var writers = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 60).Select(_ => new Step(random.Next(9), random.Next(40), random.Next(4), random.Next(Outcomes.Length))).ToArray()).ToArray();
        await Task.WhenAll(writers.Select((steps, w) => Task.Run(() => WriteAsync(store, steps, w, null))));
        await AssertRecountAsync(store);
    }

    private async Task<bool> RunAsync(Step[][] writers, bool checkEachStep)
    {
        var store = CreateStore();
        if (writers.Length == 1)
        {
            await WriteAsync(store, writers[0], 0, checkEachStep ? () => AssertRecountAsync(store) : null);
        }
        else
        {
            await Task.WhenAll(writers.Select((steps, w) => Task.Run(() => WriteAsync(store, steps, w, null))));
        }

        await AssertRecountAsync(store);
        return true;
    }

    private static SyncRecord Message(Step step)
    {
        var usage = step.Group % 2 == 1;
        var batch = T0.Plus(Duration.FromHours(step.Group / 4 % 3));
        return new SyncRecord
        {
            Client = Client, Domain = usage ? SyncDomain.AggregatedUsage : SyncDomain.Account, EventId = $"E{step.Event}", EventTime = T0,
            ObjectName = Objects[step.Group / 2 % 2], ActionName = Actions[step.Group / 8 % 2], Status = SyncStatus.Pending, PendingSince = T0,
            BatchStart = usage ? batch : null, BatchEnd = usage ? batch.Plus(Duration.FromMinutes(15)) : null,
        };
    }

    private static SyncRecord Outcome(SyncRecord record, int outcome) =>
        record with { Status = Outcomes[outcome].Status, ErrorCode = Outcomes[outcome].Code, ErrorMessage = Outcomes[outcome].Message, InFlightOperation = null, PendingSince = null };

    /// <summary>Runs a writer's steps through the store contract as the log, the reprocessor and the recovery do.</summary>
    private static async Task WriteAsync(ISyncRecordStore store, Step[] steps, int writer, Func<Task>? afterEachStep)
    {
        var operation = Guid.NewGuid();
        foreach (var step in steps)
        {
            var domain = step.Group % 2 == 1 ? SyncDomain.AggregatedUsage : SyncDomain.Account;
            switch (step.Kind)
            {
                case <= 3:
                    var (record, created) = await store.AddAsync(Message(step));
                    if (created && step.Kind < 3)
                    {
                        await store.UpdateAsync(Outcome(record, step.Outcome), record.Version);
                    }

                    break;
                case 4 or 5 or 6:
                    var errors = await store.ListErrorsAsync(Client, domain, SyncScope.All(), 0, 40);
                    if (errors.Count == 0)
                    {
                        break;
                    }

                    var picked = errors[step.Event % errors.Count];
                    if (step.Kind == 6)
                    {
                        await store.DiscardAsync(Client, domain, [picked.Id, errors[(step.Event + writer) % errors.Count].Id], new SyncAttempt(T0, "discard", SyncStatus.Discarded, null, null, "ops"));
                        break;
                    }

                    var marked = await store.MarkInFlightAsync(Client, domain, [picked.Id], null, operation);
                    foreach (var held in marked)
                    {
                        if (step.Kind == 4)
                        {
                            await store.UpdateAsync(Outcome(held, step.Outcome), held.Version);
                        }
                        else
                        {
                            await store.MarkInFlightAsync(Client, domain, [held.Id], operation, null);
                        }
                    }

                    break;
                case 8:
                    IReadOnlyList<SyncRecord> messages = [Message(step), Message(step with { Event = step.Event + 1, Group = step.Group + 1 }), Message(step with { Event = step.Event + 2 })];
                    if (step.Event % 2 == 0)
                    {
                        // the bulk ingest's own path: processed before it is written, once
                        await store.AddManyAsync(messages, (created, _) => Task.FromResult<IReadOnlyList<SyncRecord>>(
                            [.. created.Select((r, i) => Outcome(r, (step.Outcome + i) % Outcomes.Length))]));
                        break;
                    }

                    var batch = await store.AddManyAsync(messages);
                    var outcomes = batch.Where(a => a.Created).Select((a, i) => (Outcome(a.Record, (step.Outcome + i) % Outcomes.Length), a.Record.Version)).ToList();
                    await store.UpdateManyAsync(outcomes);
                    break;
                default:
                    foreach (var claimed in await store.ClaimStalePendingAsync(T0.Plus(Duration.FromDays(1)), T0.Plus(Duration.FromMinutes(writer)), 2))
                    {
                        await store.UpdateAsync(Outcome(claimed, step.Outcome), claimed.Version);
                    }

                    break;
            }

            if (afterEachStep is not null)
            {
                await afterEachStep();
            }
        }
    }

    /// <summary>Levels 1 and 2 of every domain and the incomplete batches, read from the counters and recounted from a search of the records.</summary>
    private static async Task AssertRecountAsync(ISyncRecordStore store)
    {
        foreach (var domain in new[] { SyncDomain.Account, SyncDomain.AggregatedUsage })
        {
            var errors = await AllAsync(store, domain, SyncStatus.Error);
            var expected = errors.GroupBy(r => (r.ObjectName, r.ActionName)).OrderBy(g => g.Key.ObjectName, StringComparer.Ordinal).ThenBy(g => g.Key.ActionName, StringComparer.Ordinal)
                .Select(g => new SyncSummaryRow(g.Key.ObjectName, g.Key.ActionName, g.LongCount())).ToList();
            Assert.Equal(expected, await store.SummarizeAsync(Client, domain));
            foreach (var row in expected)
            {
                var level2 = errors.Where(r => r.ObjectName == row.ObjectName && r.ActionName == row.ActionName)
                    .GroupBy(r => (r.ErrorCode, r.ErrorMessage))
                    .Select(g => new SyncErrorSummaryRow(row.ObjectName, row.ActionName, g.Key.ErrorCode, g.Key.ErrorMessage, g.LongCount()))
                    .OrderByDescending(r => r.Count).ThenBy(r => r.ErrorCode, StringComparer.Ordinal).ThenBy(r => r.ErrorMessage, StringComparer.Ordinal).ToList();
                Assert.Equal(level2, await store.SummarizeErrorsAsync(Client, domain, row.ObjectName, row.ActionName));
            }
        }

        var usage = await AllAsync(store, SyncDomain.AggregatedUsage, null);
        var batches = usage.GroupBy(r => r.BatchStart!.Value).OrderBy(g => g.Key)
            .Select(g => UsageBatch.Summarize(g.Key, g.Max(r => r.BatchEnd) ?? g.Key, g.Select(r => (r.Status, r.ErrorCode, r.ErrorMessage))))
            .Where(b => b.IsIncomplete).ToList();
        var counted = await store.SummarizeBatchesAsync(new UsageBatchFilter(Client));
        Assert.Equal(
            batches.Select(b => (b.Start, b.End, b.Total, b.Completed, b.Errored, b.Pending, Details(b))),
            counted.Select(b => (b.Start, b.End, b.Total, b.Completed, b.Errored, b.Pending, Details(b))));
    }

    private static string Details(UsageBatch batch) => string.Join(" | ", batch.Details
        .OrderBy(d => d.Status).ThenBy(d => d.ErrorCode, StringComparer.Ordinal).ThenBy(d => d.ErrorMessage, StringComparer.Ordinal)
        .Select(d => $"{d.Status} {d.ErrorCode ?? "<null>"} {d.ErrorMessage ?? "<null>"} {d.Count}"));

    /// <summary>Every record of a domain with a status (null: all but DISCARDED), through the search.</summary>
    private static async Task<List<SyncRecord>> AllAsync(ISyncRecordStore store, SyncDomain domain, SyncStatus? status)
    {
        var all = new List<SyncRecord>();
        var page = await store.SearchAsync(new SyncSearch { Client = Client, Domain = domain, Status = status, Page = PageRequest.First(PageRequest.MaxSize).Value });
        while (true)
        {
            all.AddRange(page.Items);
            if (page.ContinuationToken is null)
            {
                return all;
            }

            page = await store.SearchAsync(new SyncSearch { Client = Client, Domain = domain, Status = status, Page = PageRequest.After(page.ContinuationToken, PageRequest.MaxSize).Value });
        }
    }
}

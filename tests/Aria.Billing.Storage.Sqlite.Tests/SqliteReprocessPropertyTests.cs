using Aria.Billing.Sync;
using Aria.Billing.Testing;

namespace Aria.Billing.Storage.Sqlite.Tests;

/// <summary>
/// The reprocess invariants on the SQLite store, over random logs and random sequences of reprocess and discard by scope
/// (spec: billing-sync-reprocess.txt): a discarded record is never reprocessed, only ERROR records are taken, and the
/// summary always equals the ERROR records of each group.
/// </summary>
public sealed class SqliteReprocessPropertyTests : IDisposable
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly string[] Objects = ["Account", "Contact", "Plan Instance"];
    private readonly TempDatabase _files = new();

    private sealed record Step(bool Discard, int Level, int Object, int Pick);

    private static readonly Gen<(int[] Records, Step[] Steps)> Cases =
        from records in Gen.Choose(0, 2).ArrayOf().Select(a => a.Take(25).ToArray())
        from steps in (from discard in ArbMap.Default.GeneratorFor<bool>()
                       from level in Gen.Choose(0, 2)
                       from o in Gen.Choose(0, 2)
                       from pick in Gen.Choose(0, 24)
                       select new Step(discard, level, o, pick)).ArrayOf().Select(a => a.Take(6).ToArray())
        select (records, steps);

    [Fact]
    public void Property_DiscardedNeverReprocessed_OnlyErrorsTaken_SummaryMatches()
    {
        Prop.ForAll(Cases.ToArbitrary(), c => CheckAsync(c.Records, c.Steps).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }

    private async Task<bool> CheckAsync(int[] objects, Step[] steps)
    {
        var storage = _files.NewStorage();
        var store = storage.SyncRecords;
        var clock = new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0));
        var handler = new Flaky();
        var reprocessor = new SyncReprocessor(store, storage.SyncOperations, handler, clock, new SyncOptions { BatchSize = 4 });
        var ids = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            ids.Add((await store.AddAsync(new SyncRecord
            {
                Client = Client, Domain = SyncDomain.Account, EventId = $"E{i}", EventTime = clock.GetCurrentInstant(), ObjectName = Objects[objects[i]],
                ActionName = "Create", Status = i % 4 == 3 ? SyncStatus.Complete : SyncStatus.Error, ErrorCode = i % 4 == 3 ? null : "ACCOUNT_IS_NOT_FOUND",
                ErrorMessage = i % 4 == 3 ? null : "Account is not found",
            })).Record.Id);
        }

        foreach (var step in steps)
        {
            clock.Advance(Duration.FromMinutes(1));
            var scope = step.Level switch
            {
                0 => SyncScope.All(),
                1 => SyncScope.Summary(Objects[step.Object], "Create"),
                _ => SyncScope.Record(ids.Count == 0 ? 1 : ids[step.Pick % ids.Count]),
            };
            _ = step.Discard
                ? await reprocessor.DiscardAsync(Client, SyncDomain.Account, scope, "ops")
                : await reprocessor.ReprocessAsync(Client, SyncDomain.Account, scope, "ops");
        }

        var records = new List<SyncRecord>();
        foreach (var id in ids)
        {
            records.Add((await store.GetAsync(Client, id))!);
        }

        var discardedThenTouched = records.Any(r =>
            r.Attempts.SkipWhile(a => a.Kind != "discard").Skip(1).Any() || (r.Status == SyncStatus.Discarded) != r.Attempts.Any(a => a.Kind == "discard"));
        var completeTouched = records.Where((r, i) => i % 4 == 3).Any(r => r.Attempts.Count > 0);
        var summary = await store.SummarizeAsync(Client, SyncDomain.Account);
        var expected = records.Where(r => r.Status == SyncStatus.Error).GroupBy(r => r.ObjectName).ToDictionary(g => g.Key, g => (long)g.Count());
        var summaryMatches = summary.Count == expected.Count && summary.All(row => expected[row.ObjectName] == row.Count);
        return !discardedThenTouched && !completeTouched && summaryMatches && records.All(r => r.InFlightOperation is null);
    }

    /// <inheritdoc />
    public void Dispose() => _files.Dispose();

    /// <summary>Fails a record's reprocess every other time.</summary>
    private sealed class Flaky : ISyncRecordHandler
    {
        private int _calls;

        public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(++_calls % 2 == 0 ? SyncOutcome.Complete : SyncOutcome.Error("ACCOUNT_IS_NOT_FOUND", "Account is not found"));
    }
}

using Aria.Billing.Sync;
using Aria.Billing.Testing;

namespace Aria.Billing.Storage.Sqlite.Tests;

/// <summary>
/// The SQLite log answers every search as the in-memory reference does (spec: sync-reprocess, partial names are
/// case-insensitive and wildcards in user input are literal), on names full of <c>%</c>, <c>_</c> and <c>\</c>.
/// </summary>
public sealed class SqliteSearchPropertyTests : IDisposable
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly Gen<string> Name =
        Gen.Elements('a', 'A', 'b', 'B', '%', '_', '\\', ' ', 'é', 'É', '[', '*').ArrayOf().Select(chars => new string([.. chars.Take(6)]));

    private readonly TempDatabase _files = new();

    [Fact]
    public async Task Property_PartialNameSearch_MatchesTheInMemoryReference()
    {
        var sqlite = _files.NewStorage().SyncRecords;
        var reference = new InMemorySyncRecordStore();
        var names = Name.Sample(300, 1);
        for (var i = 0; i < names.Length; i++)
        {
            var record = new SyncRecord
            {
                Client = Client, Domain = SyncDomain.Account, EventId = $"E{i}", EventTime = Instant.FromUtc(2025, 4, 27, 0, 0),
                ObjectName = "x" + names[i], ActionName = names[(i * 7) % names.Length] + "y", Status = (SyncStatus)(i % 6),
            };
            await sqlite.AddAsync(record);
            await reference.AddAsync(record);
        }

        var queries =
            from text in Name
            from sort in Gen.Elements(SyncSortField.Id, SyncSortField.ObjectName, SyncSortField.ActionName, SyncSortField.Status)
            from onObject in ArbMap.Default.GeneratorFor<bool>()
            select (text, sort, onObject);
        Prop.ForAll(queries.ToArbitrary(), q => Same(q.text, q.sort, q.onObject).GetAwaiter().GetResult()).QuickCheckThrowOnFailure();

        async Task<bool> Same(string text, SyncSortField sort, bool onObject)
        {
            var search = new SyncSearch
            {
                Client = Client, Domain = SyncDomain.Account, SortBy = sort, Page = PageRequest.First(PageRequest.MaxSize).Value,
                ObjectNameContains = onObject ? text : null, ActionNameContains = onObject ? null : text,
            };
            var expected = await reference.SearchAsync(search);
            var actual = await sqlite.SearchAsync(search);
            return expected.Items.Select(r => r.Id).SequenceEqual(actual.Items.Select(r => r.Id)) && expected.TotalCount == actual.TotalCount;
        }
    }

    /// <summary>Hostile text in any filter is data: the search answers (usually nothing) and never throws.</summary>
    [Fact]
    public async Task Property_HostileFilterText_IsAnsweredNotThrown()
    {
        var sqlite = _files.NewStorage().SyncRecords;
        await sqlite.AddAsync(new SyncRecord
        {
            Client = Client, Domain = SyncDomain.Account, EventId = "E1", EventTime = Instant.FromUtc(2025, 4, 27, 0, 0), ObjectName = "Account", ActionName = "Create",
        });

        Prop.ForAll(ArbitraryText.Any.ToArbitrary(), text =>
        {
            var page = sqlite.SearchAsync(new SyncSearch
            {
                Client = Client, Domain = SyncDomain.Account, ObjectNameContains = text, ActionNameContains = text, ErrorCode = text, EventId = text, Action = text,
            }).GetAwaiter().GetResult();
            return page.Items.Count <= 1;
        }).QuickCheckThrowOnFailure();
    }

    /// <inheritdoc />
    public void Dispose() => _files.Dispose();
}

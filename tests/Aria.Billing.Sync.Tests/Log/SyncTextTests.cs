using System.Text;
using Aria.Billing.Testing;

namespace Aria.Billing.Sync.Tests.Log;

// Issue #15 item 2b: error codes and messages are made storable in one place, before any store sees them, so every store
// holds the same text (PostgreSQL refuses NUL and limits the row size of the error-summary index).
public sealed class SyncTextTests
{
    [Fact]
    public void Property_StoredText_HasNoNul_IsWellFormed_FitsItsMaximum_AndKeepsCleanShortTextAsItIs() =>
        Prop.ForAll(Gen.Choose(0, 3_000).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (length, seed) =>
        {
            string[] pieces = ["a", "Z", " ", "\0", "\uD800", "\uDC00", "\U0001F600", "\u6F22", "\u00E9", "\uDBFF\uDFFF"];
            var random = new Random(seed);
            var input = string.Concat(Enumerable.Range(0, length).Select(_ => pieces[random.Next(pieces.Length)]));
            var message = SyncText.Message(input)!;
            var code = SyncText.Code(input)!;
            return Storable(message, SyncOutcome.ErrorMessageMaxBytes) && Storable(code, SyncOutcome.ErrorCodeMaxBytes)
                && (input.Contains('\0', StringComparison.Ordinal) || input.Any(char.IsSurrogate) || Encoding.UTF8.GetByteCount(input) > SyncOutcome.ErrorMessageMaxBytes || message == input)
                && SyncText.Message(message) == message;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public async Task Ingest_MessageCarryingAnErrorCodeAndMessage_StoresThemNormalised()
    {
        var clock = FakeClock.AtUtc(new LocalDate(2025, 4, 27));
        var store = new InMemorySyncRecordStore();
        var seen = new List<(string?, string?)>();
        var log = new SyncLog(store, new Seeing(seen), clock);

        await log.IngestAsync(new SyncRecord
        {
            Client = SyncFixture.Client, Domain = SyncDomain.Account, EventId = "E1", EventTime = clock.GetCurrentInstant(), ObjectName = "Account",
            ActionName = "Create", ErrorCode = "CODE\0" + new string('C', 500), ErrorMessage = "m\0" + new string('m', 5_000),
        });

        var (code, message) = Assert.Single(seen);
        Assert.Equal("CODE" + new string('C', SyncOutcome.ErrorCodeMaxBytes - 14 - 4) + SyncOutcome.TruncationMarker, code);
        Assert.Equal("m" + new string('m', SyncOutcome.ErrorMessageMaxBytes - 14 - 1) + SyncOutcome.TruncationMarker, message);
    }

    [Fact]
    public async Task Ingest_HostileObjectAndActionNames_AreBoundedLikeCodes_SinceTheyAreIndexedWithThem()
    {
        // Issue #15 item 2: the error-summary index holds object name, action name, code and message; all four are bounded.
        var clock = FakeClock.AtUtc(new LocalDate(2025, 4, 27));
        var store = new InMemorySyncRecordStore();
        var log = new SyncLog(store, new Seeing([]), clock);

        var record = await log.IngestAsync(new SyncRecord
        {
            Client = SyncFixture.Client, Domain = SyncDomain.Account, EventId = "E2", EventTime = clock.GetCurrentInstant(),
            ObjectName = "Obj\0" + new string('o', 3_000), ActionName = "Create",
        });

        Assert.Equal(SyncOutcome.ErrorCodeMaxBytes, Encoding.UTF8.GetByteCount(record.ObjectName));
        Assert.EndsWith(SyncOutcome.TruncationMarker, record.ObjectName, StringComparison.Ordinal);
        Assert.Equal("Create", record.ActionName);
    }

    [Fact]
    public async Task HandlerError_HostileText_IsNormalisedInTheRecordAndItsHistory()
    {
        var f = new SyncFixture();
        f.Handler.Override = _ => SyncOutcome.Error("BAD\0", "lone \uD83D and NUL \0 " + new string('\u6F22', 1_000));

        var record = await f.Add("Account", "Create");

        const string prefix = "lone \uFFFD and NUL  "; // 18 UTF-8 bytes; the marker is 14
        var expected = prefix + new string('\u6F22', (SyncOutcome.ErrorMessageMaxBytes - 14 - 18) / 3) + SyncOutcome.TruncationMarker;
        Assert.Equal(("BAD", expected), (record.ErrorCode, record.ErrorMessage));
        Assert.Equal(("BAD", expected), (record.Attempts[^1].ErrorCode, record.Attempts[^1].ErrorMessage));
    }

    private static bool Storable(string text, int maxBytes)
    {
        if (text.Contains('\0', StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[++i]) : char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Seeing(List<(string?, string?)> seen) : ISyncRecordHandler
    {
        public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default)
        {
            seen.Add((record.ErrorCode, record.ErrorMessage));
            return ValueTask.FromResult(SyncOutcome.Complete);
        }
    }
}

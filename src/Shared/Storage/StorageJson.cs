using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Aria.Billing.Storage;

/// <summary>
/// The JSON columns: a sync record's attempt history, a run's jobs, a work item's history, and the lines of invoices and
/// credit memos. Serialised through a source-generated context (no reflection) with instants as ticks and every amount
/// with its currency, so the text is stable across versions.
/// </summary>
internal static class StorageJson
{
    /// <summary>An empty JSON array, the initial value of every history column.</summary>
    internal const string EmptyArray = "[]";

    internal static string Attempts(IReadOnlyList<SyncAttempt> attempts) =>
        attempts.Count == 0
            ? EmptyArray
            : JsonSerializer.Serialize(
                attempts.Select(a => new AttemptRow(a.At.ToUnixTimeTicks(), a.Kind, (int)a.Status, a.ErrorCode, a.ErrorMessage, a.By)).ToArray(),
                StorageJsonContext.Default.AttemptRowArray);

    internal static string Attempt(SyncAttempt a) =>
        JsonSerializer.Serialize(new AttemptRow(a.At.ToUnixTimeTicks(), a.Kind, (int)a.Status, a.ErrorCode, a.ErrorMessage, a.By), StorageJsonContext.Default.AttemptRow);

    internal static IReadOnlyList<SyncAttempt> Attempts(string json) =>
        json == EmptyArray
            ? []
            : (JsonSerializer.Deserialize(json, StorageJsonContext.Default.AttemptRowArray) ?? [])
                .Select(a => new SyncAttempt(Instant.FromUnixTimeTicks(a.At), a.Kind, (SyncStatus)a.Status, a.Code, a.Message, a.By)).ToArray();

    internal static string Jobs(IReadOnlyList<JobRun> jobs) =>
        JsonSerializer.Serialize(
            jobs.Select(j => new JobRow(j.Index, j.Name, j.JobType, (int)j.Status, (int)j.Condition, j.Error, j.StartedAt?.ToUnixTimeTicks(), j.FinishedAt?.ToUnixTimeTicks(), j.Attempts)).ToArray(),
            StorageJsonContext.Default.JobRowArray);

    internal static IReadOnlyList<JobRun> Jobs(string json) =>
        (JsonSerializer.Deserialize(json, StorageJsonContext.Default.JobRowArray) ?? [])
            .Select(j => new JobRun
            {
                Index = j.Index, Name = j.Name, JobType = j.JobType, Status = (BatchStatus)j.Status, Condition = (JobCondition)j.Condition, Error = j.Error,
                StartedAt = j.StartedAt is { } s ? Instant.FromUnixTimeTicks(s) : null, FinishedAt = j.FinishedAt is { } f ? Instant.FromUnixTimeTicks(f) : null,
                Attempts = j.Attempts,
            }).ToArray();

    internal static IReadOnlyList<string> Strings(string json) =>
        json == EmptyArray ? [] : JsonSerializer.Deserialize(json, StorageJsonContext.Default.StringArray) ?? [];

    internal static string Strings(IReadOnlyCollection<string> values) =>
        JsonSerializer.Serialize(values.ToArray(), StorageJsonContext.Default.StringArray);

    internal static string Longs(IReadOnlyCollection<long> values) =>
        JsonSerializer.Serialize(values.ToArray(), StorageJsonContext.Default.Int64Array);

    internal static IReadOnlyList<long> Longs(string json) =>
        json == EmptyArray ? [] : JsonSerializer.Deserialize(json, StorageJsonContext.Default.Int64Array) ?? [];

    /// <summary>
    /// An invoice's lines. An applied amount left unset (zero in the line's currency, as <see cref="InvoiceLine"/> reports it)
    /// is written as absent and read back unset, so a line read equals the line written.
    /// </summary>
    internal static string InvoiceLines(IReadOnlyList<InvoiceLine> lines) =>
        JsonSerializer.Serialize(
            lines.Select(l => new InvoiceLineRow(
                l.LineNo, (int)l.Kind, (int)l.ChargeType, l.ServiceNo, l.ServiceName, l.PlanInstance?.Value, l.Units, l.Rate, Row(l.Amount), l.TaxRate,
                l.TaxedLineNo, Applied(l.PaymentsApplied, l.Amount), Applied(l.CreditsApplied, l.Amount), Applied(l.CreditMemosApplied, l.Amount),
                l.PurchaseOrder, l.OriginalLineNo, l.RebillExcluded, l.Comment)).ToArray(),
            StorageJsonContext.Default.InvoiceLineRowArray);

    internal static IReadOnlyList<InvoiceLine> InvoiceLines(string json) =>
        (JsonSerializer.Deserialize(json, StorageJsonContext.Default.InvoiceLineRowArray) ?? [])
            .Select(l =>
            {
                var line = new InvoiceLine
                {
                    LineNo = l.LineNo, Kind = (InvoiceLineKind)l.Kind, ChargeType = (ChargeType)l.ChargeType, ServiceNo = l.ServiceNo, ServiceName = l.ServiceName,
                    PlanInstance = l.PlanInstance is { } instance ? new PlanInstanceNumber(instance) : null, Units = l.Units, Rate = l.Rate,
                    Amount = MoneyOf(l.Amount), TaxRate = l.TaxRate, TaxedLineNo = l.TaxedLineNo, PurchaseOrder = l.PurchaseOrder,
                    OriginalLineNo = l.OriginalLineNo, RebillExcluded = l.RebillExcluded, Comment = l.Comment,
                };
                // An init accessor set at all counts as set: only the amounts written are given.
                line = l.Payments is { } payments ? line with { PaymentsApplied = MoneyOf(payments) } : line;
                line = l.Credits is { } credits ? line with { CreditsApplied = MoneyOf(credits) } : line;
                return l.CreditMemos is { } memos ? line with { CreditMemosApplied = MoneyOf(memos) } : line;
            }).ToArray();

    /// <summary>A credit memo's lines and the payments and credits it removed, as one JSON object.</summary>
    internal static string CreditMemoBody(CreditMemo memo) =>
        JsonSerializer.Serialize(
            new CreditMemoBodyRow(
                [.. memo.Lines.Select(l => new CreditMemoLineRow(l.LineNo, Row(l.Amount), [.. l.TaxCredits.Select(t => new AppliedRow(t.LineNo, Row(t.Amount)))], l.Comment, (int)l.LineType))],
                [.. memo.Removed.Select(r => new RemovedRow(r.LineNo, Row(r.Payments), Row(r.Credits)))]),
            StorageJsonContext.Default.CreditMemoBodyRow);

    /// <summary>What <see cref="CreditMemoBody(CreditMemo)"/> wrote.</summary>
    internal static (IReadOnlyList<CreditMemoLine> Lines, IReadOnlyList<RemovedApplication> Removed) CreditMemoBody(string json)
    {
        var body = JsonSerializer.Deserialize(json, StorageJsonContext.Default.CreditMemoBodyRow);
        IReadOnlyList<CreditMemoLine> lines = [.. (body?.Lines ?? []).Select(l => new CreditMemoLine
        {
            LineNo = l.LineNo, Amount = MoneyOf(l.Amount), TaxCredits = [.. (l.TaxCredits ?? []).Select(t => new AppliedAmount(t.LineNo, MoneyOf(t.Amount)))], Comment = l.Comment,
            LineType = (LineType)l.LineType,
        })];
        IReadOnlyList<RemovedApplication> removed = [.. (body?.Removed ?? []).Select(r => new RemovedApplication(r.LineNo, MoneyOf(r.Payments), MoneyOf(r.Credits)))];
        return (lines, removed);
    }

    /// <summary>
    /// A currency from its stored code and minor units: the ISO 4217 one when it is that, else the custom one (equal either
    /// way, as a currency is its code and minor units).
    /// </summary>
    internal static Currency CurrencyOf(string code, int minorUnits) =>
        Currency.TryFromCode(code, out var known) && known.MinorUnits == minorUnits ? known : Currency.Custom(code, minorUnits);

    /// <summary>An amount as written: its decimal as is (scale kept), its currency's code, and its minor units when the code alone does not say them.</summary>
    private static MoneyRow Row(Money money) =>
        money.Currency.Code is not { } code
            ? new MoneyRow(money.Amount, null, null)
            : new MoneyRow(money.Amount, code, Currency.TryFromCode(code, out var known) && known == money.Currency ? null : money.Currency.MinorUnits);

    /// <summary>An applied amount, or null when it is the zero <see cref="InvoiceLine"/> reports for an unset one.</summary>
    private static MoneyRow? Applied(Money applied, Money lineAmount) =>
        applied.Amount == 0m && applied.Amount.Scale == 0 && applied.Currency == lineAmount.Currency ? null : Row(applied);

    private static Money MoneyOf(MoneyRow row) =>
        row.Currency is not { } code
            ? default
            : Money.Of(row.Amount, row.MinorUnits is { } minor ? CurrencyOf(code, minor) : Currency.FromCode(code));

    internal sealed record MoneyRow(decimal Amount, string? Currency, int? MinorUnits);

    internal sealed record AppliedRow(int LineNo, MoneyRow Amount);

    internal sealed record InvoiceLineRow(
        int LineNo, int Kind, int ChargeType, long ServiceNo, string? ServiceName, long? PlanInstance, decimal Units, decimal Rate, MoneyRow Amount, decimal TaxRate,
        int? TaxedLineNo, MoneyRow? Payments, MoneyRow? Credits, MoneyRow? CreditMemos, string? PurchaseOrder, int? OriginalLineNo, bool RebillExcluded, string? Comment);

    internal sealed record CreditMemoLineRow(int LineNo, MoneyRow Amount, AppliedRow[]? TaxCredits, string? Comment, int LineType = (int)Aria.Billing.LineType.RecurringCharge);

    internal sealed record RemovedRow(int LineNo, MoneyRow Payments, MoneyRow Credits);

    internal sealed record CreditMemoBodyRow(CreditMemoLineRow[]? Lines, RemovedRow[]? Removed);

    internal sealed record AttemptRow(long At, string Kind, int Status, string? Code, string? Message, string By);

    internal sealed record JobRow(int Index, string Name, string JobType, int Status, int Condition, string? Error, long? StartedAt, long? FinishedAt, int Attempts);
}

/// <summary>The source-generated serialisers of <see cref="StorageJson"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StorageJson.AttemptRow))]
[JsonSerializable(typeof(StorageJson.AttemptRow[]))]
[JsonSerializable(typeof(StorageJson.JobRow[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
[JsonSerializable(typeof(StorageJson.InvoiceLineRow[]))]
[JsonSerializable(typeof(StorageJson.CreditMemoBodyRow))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

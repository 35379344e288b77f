using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aria.Billing.Client.Resilience;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using Aria.Billing.Jobs;
using Aria.Billing.Sync;

namespace Aria.Billing.Client;

/// <summary>
/// The reference host's API, typed. Every call names the configured client and carries its key; a rule violation comes
/// back as an <see cref="AriaResult{T}"/> failure with the host's coded errors (read from its problem details). Calls that
/// are safe to repeat (reads, the idempotent trigger, ingest, invoice import and credit memos, which carry an idempotency
/// key) are retried through the resilience pipeline; others are sent once.
/// </summary>
public sealed partial class AriaBillingClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly HttpClient _http;
    private readonly AriaBillingClientOptions _options;
    private readonly TimeProvider _time;

    /// <summary>A client over <paramref name="http"/> (built by <c>AddAriaBillingClient</c>, whose handler adds the resilience pipeline).</summary>
    public AriaBillingClient(HttpClient http, IOptions<AriaBillingClientOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Starts the schedule's run for <paramref name="runDate"/> (202 from the host). Idempotent: a retried or repeated trigger
    /// with the same schedule and date returns the same run and never starts a second one.
    /// </summary>
    public Task<AriaResult<ScheduleRunInfo>> TriggerScheduleRunAsync(string schedule, LocalDate runDate, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync<RunWire, ScheduleRunInfo>(
            HttpMethod.Post, $"jobs/schedules/{Uri.EscapeDataString(schedule)}/runs",
            new { run_date = runDate.ToString("uuuu-MM-dd", null), idempotency_key = idempotencyKey }, repeatable: true, r => r.ToInfo(), cancellationToken);

    /// <summary>The run as it is now.</summary>
    public Task<AriaResult<ScheduleRunInfo>> GetScheduleRunAsync(Guid runId, CancellationToken cancellationToken = default) =>
        SendAsync<RunWire, ScheduleRunInfo>(HttpMethod.Get, $"jobs/runs/{runId}", null, repeatable: true, r => r.ToInfo(), cancellationToken);

    /// <summary>
    /// The core system's gate: polls the run every <see cref="AriaBillingClientOptions.PollInterval"/> until it has ended
    /// (proceed only when its status is Ok), or fails with RUN_NOT_FINISHED after <paramref name="timeout"/>.
    /// </summary>
    public Task<AriaResult<ScheduleRunInfo>> WaitForScheduleRunAsync(
        Guid runId, TimeSpan timeout, IProgress<ScheduleRunInfo>? progress = null, CancellationToken cancellationToken = default) =>
        PollAsync(
            () => GetScheduleRunAsync(runId, cancellationToken), run => run.IsFinished, timeout, progress,
            run => new AriaError(AriaErrorCode.Symbolic("RUN_NOT_FINISHED"), $"Run {runId} is still {run.Status} after {timeout}.", "run_id"), cancellationToken);

    /// <summary>
    /// Defines (or redefines) a schedule: <paramref name="frequency"/> is daily, weekly:&lt;weekday&gt;, monthly:&lt;day&gt;,
    /// month_end, days_before_month_end:&lt;n&gt;, quarter_end, year_end or manual_only; <paramref name="time"/> is HH:mm in
    /// <paramref name="timeZone"/>; <paramref name="jobs"/> are (name, job type) in order. Returns the rules' warnings.
    /// </summary>
    public Task<AriaResult<IReadOnlyList<string>>> DefineScheduleAsync(
        string name, string frequency, string time, string timeZone, IReadOnlyList<(string Name, string JobType)> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return SendAsync<ScheduleWire, IReadOnlyList<string>>(
            HttpMethod.Put, $"jobs/schedules/{Uri.EscapeDataString(name)}",
            new { frequency, time, time_zone = timeZone, jobs = jobs.Select(j => new { name = j.Name, job_type = j.JobType }) },
            repeatable: true, s => s.Warnings, cancellationToken);
    }

    /// <summary>
    /// Defines (or redefines) a schedule from the Jobs package's own definition (its frequency written in the one grammar of
    /// <see cref="Aria.Billing.Jobs.ScheduleFrequency"/>; no time zone: the client's). Returns the rules' warnings.
    /// </summary>
    public Task<AriaResult<IReadOnlyList<string>>> DefineScheduleAsync(Aria.Billing.Jobs.ScheduleDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return SendAsync<ScheduleWire, IReadOnlyList<string>>(
            HttpMethod.Put, $"jobs/schedules/{Uri.EscapeDataString(definition.Name)}",
            new
            {
                frequency = definition.Frequency.ToString(),
                time = definition.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                time_zone = definition.TimeZoneId,
                jobs = definition.Jobs.Select(j => new { name = j.Name, job_type = j.JobType }),
                exception_windows = definition.ExceptionWindows.Select(w => new
                {
                    start = NodaTime.Text.InstantPattern.ExtendedIso.Format(w.Start), end = NodaTime.Text.InstantPattern.ExtendedIso.Format(w.End),
                }),
            },
            repeatable: true, s => s.Warnings, cancellationToken);
    }

    /// <summary>Removes a schedule; the host refuses (LAST_DAILY_BILLING_SCHEDULE) to remove a client's last daily billing schedule.</summary>
    public Task<AriaResult<bool>> DeleteScheduleAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return SendAsync<System.Text.Json.JsonElement, bool>(HttpMethod.Delete, $"jobs/schedules/{Uri.EscapeDataString(name)}", null, repeatable: false, _ => true, cancellationToken);
    }

    /// <summary>The proration of replacing a plan on <paramref name="effectiveDate"/> (full proration both ways).</summary>
    public Task<AriaResult<ProrationPreview>> PreviewProrationAsync(
        int billDay, Money oldRate, Money newRate, LocalDate effectiveDate, CancellationToken cancellationToken = default) =>
        SendAsync<ProrationWire, ProrationPreview>(
            HttpMethod.Post, "plans/proration/preview",
            new
            {
                bill_day = billDay, currency = oldRate.Currency.Code, old_rate = oldRate.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new_rate = newRate.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), effective_date = effectiveDate.ToString("uuuu-MM-dd", null), policy = "full",
            },
            repeatable: true, p => p.ToPreview(oldRate.Currency), cancellationToken);

    /// <summary>Records a message in the sync log and processes it (idempotent on the event id).</summary>
    public Task<AriaResult<long>> IngestAsync(SyncDomain domain, SyncMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync<RecordWire, long>(
            HttpMethod.Post, $"sync/{domain}/records",
            new { event_id = message.EventId, object_name = message.ObjectName, action_name = message.ActionName, account_no = message.AccountNo, payload = message.Payload },
            repeatable: true, r => r.Id, cancellationToken);
    }

    /// <summary>The reprocess summary: ERROR records per object and action.</summary>
    public Task<AriaResult<IReadOnlyList<SyncSummaryRow>>> GetSyncSummaryAsync(SyncDomain domain, CancellationToken cancellationToken = default) =>
        SendAsync<SyncSummaryRow[], IReadOnlyList<SyncSummaryRow>>(HttpMethod.Get, $"sync/{domain}/summary", null, repeatable: true, rows => rows, cancellationToken);

    /// <summary>Starts reprocessing the ERROR records of a scope (<c>all</c>, <c>summary</c>, <c>error_summary</c>, <c>record</c>); sent once.</summary>
    public Task<AriaResult<SyncOperationInfo>> ReprocessAsync(SyncDomain domain, string level = "all", string? objectName = null, string? actionName = null, CancellationToken cancellationToken = default) =>
        SendAsync<OperationWire, SyncOperationInfo>(
            HttpMethod.Post, $"sync/{domain}/reprocess", new { level, object_name = objectName, action_name = actionName }, repeatable: false, o => o.ToInfo(), cancellationToken);

    /// <summary>
    /// Starts discarding — for good — the ERROR records of a scope the caller names (<c>all</c>, <c>summary</c>,
    /// <c>error_summary</c>, <c>record</c>: there is no default), carrying <paramref name="expectedCount"/>, the ERROR records the
    /// caller saw in it: when the scope now holds more, the host refuses with DISCARD_COUNT_CHANGED (409). Sent once.
    /// </summary>
    public Task<AriaResult<SyncOperationInfo>> DiscardAsync(
        SyncDomain domain, string level, long expectedCount, string? objectName = null, string? actionName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(level);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCount);
        return SendAsync<OperationWire, SyncOperationInfo>(
            HttpMethod.Post, $"sync/{domain}/discard", new { level, object_name = objectName, action_name = actionName, expected_count = expectedCount },
            repeatable: false, o => o.ToInfo(), cancellationToken);
    }

    /// <summary>Polls a bulk operation until it is no longer running, reporting progress.</summary>
    public Task<AriaResult<SyncOperationInfo>> WaitForSyncOperationAsync(
        Guid operationId, TimeSpan timeout, IProgress<SyncOperationInfo>? progress = null, CancellationToken cancellationToken = default) =>
        PollAsync(
            () => SendAsync<OperationWire, SyncOperationInfo>(HttpMethod.Get, $"sync/operations/{operationId}", null, repeatable: true, o => o.ToInfo(), cancellationToken),
            operation => operation.State != SyncOperationState.Running, timeout, progress,
            _ => new AriaError(AriaErrorCode.Symbolic("OPERATION_NOT_FINISHED"), $"Operation {operationId} is still running after {timeout}.", "operation_id"),
            cancellationToken);

    /// <summary>Reads every <see cref="AriaBillingClientOptions.PollInterval"/> until <paramref name="done"/>, a failure, or the timeout.</summary>
    private async Task<AriaResult<T>> PollAsync<T>(
        Func<Task<AriaResult<T>>> read, Func<T, bool> done, TimeSpan timeout, IProgress<T>? progress, Func<T, AriaError> timedOut, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            var state = await read().ConfigureAwait(false);
            if (state.IsFailure)
            {
                return state;
            }

            progress?.Report(state.Value);
            if (done(state.Value))
            {
                return state;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                return timedOut(state.Value);
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AriaResult<TResult>> SendAsync<TWire, TResult>(
        HttpMethod method, string path, object? body, bool repeatable, Func<TWire, TResult> map, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Aria-Client-No", _options.ClientNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Aria-Auth-Key", _options.AuthKey);
        request.Options.Set(AriaResilience.Repeatable, repeatable);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            var wire = await response.Content.ReadFromJsonAsync<TWire>(Json, cancellationToken).ConfigureAwait(false);
            return map(wire!);
        }

        var errors = await ReadErrorsAsync(response, cancellationToken).ConfigureAwait(false);
        return errors.Count == 0
            ? new AriaError(AriaErrorCodes.UnexpectedError, $"The host answered {(int)response.StatusCode} {response.ReasonPhrase}.", path)
            : AriaResult.Failure<TResult>(errors);
    }

    private static async Task<IReadOnlyList<AriaError>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorBodyWire>(Json, cancellationToken).ConfigureAwait(false);
            return [.. (body?.Errors ?? []).Select(e => new AriaError(
                int.TryParse(e.Code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? AriaErrorCode.Numeric(n) : AriaErrorCode.Symbolic(e.Code),
                e.Message, e.Inputs ?? []))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private sealed record ErrorBodyWire(IReadOnlyList<ErrorWire>? Errors);

    private sealed record ErrorWire(string Code, string Message, IReadOnlyList<string>? Inputs);

    private sealed record RecordWire(long Id);

    private sealed record ScheduleWire(IReadOnlyList<string> Warnings);

    private sealed record ProrationWire(string PeriodStart, string PeriodEnd, int PeriodDays, int DaysRemaining, decimal Credit, decimal Charge, decimal Net)
    {
        public ProrationPreview ToPreview(Currency currency) => new(
            LocalDatePattern.Iso.Parse(PeriodStart).GetValueOrThrow(), LocalDatePattern.Iso.Parse(PeriodEnd).GetValueOrThrow(), PeriodDays, DaysRemaining,
            Money.Of(Credit, currency), Money.Of(Charge, currency), Money.Of(Net, currency));
    }

    private sealed record RunWire(Guid Id, string Schedule, string RunDate, BatchStatus Status, IReadOnlyList<JobWire> Jobs)
    {
        public ScheduleRunInfo ToInfo() => new(Id, Schedule, LocalDatePattern.Iso.Parse(RunDate).GetValueOrThrow(), Status,
            [.. Jobs.Select(j => new JobRunInfo(j.Index, j.Name, j.Status, j.Error))]);
    }

    private sealed record JobWire(int Index, string Name, BatchStatus Status, string? Error);

    private sealed record OperationWire(Guid Id, SyncOperationKind Kind, SyncOperationState State, long Processed, long Succeeded, long Failed)
    {
        public SyncOperationInfo ToInfo() => new(Id, Kind, State, Processed, Succeeded, Failed);
    }
}

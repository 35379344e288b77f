using Aria.Billing.Client;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Sync;
using Aria.Billing.Testing;
using Aria.Billing.Testing.Invoicing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace Aria.Billing.ReferenceHost.Tests.Client;

/// <summary>
/// The typed client over the real host with faults injected under it. The client's waits (back-off, Retry-After, polling,
/// timeouts) and the injected slowness run on a fake time that jumps whenever the client waits: no test waits on the wall
/// clock for them.
/// </summary>
public sealed class AriaBillingClientTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;
    private readonly FakeTimeProvider _time = new() { AutoAdvance = true };
    private string _clientName = "";

    public AriaBillingClientTests(HostFactory host) => _host = host;

    private (AriaBillingClient Client, ServiceProvider Services) Client(FaultInjector faults, Action<AriaBillingClientOptions>? tune = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        _clientName = services.AddAriaBillingClient(o =>
        {
            o.BaseAddress = new Uri("http://localhost/");
            o.ClientNo = 1000;
            o.AuthKey = "ops-key";
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(700);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
            o.MaxRetryAttempts = 5;
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            tune?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => faults.Over(_host.Server.CreateHandler())).Name;
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<AriaBillingClient>(), provider);
    }

    [Fact]
    public async Task DefineSchedule_FromTheJobsPackagesDefinition_AndDelete_KeepsTheLastDailyBilling()
    {
        // spec: job-schedule-management.txt — the client writes frequencies in the Jobs package's one grammar; a client of
        // the rating engine keeps a daily billing schedule.
        var (client, services) = Client(new FaultInjector(_time));
        await using var _ = services;
        var weekly = new ScheduleDefinition
        {
            Client = new ClientNumber(1000), Name = "client-weekly", Frequency = ScheduleFrequency.Weekly(IsoDayOfWeek.Friday), Time = new LocalTime(22, 30),
            TimeZoneId = "Europe/Paris", Jobs = [new JobDefinition("Billing", JobTypes.Billing)],
        };

        Assert.True((await client.DefineScheduleAsync(weekly)).IsSuccess);
        var stored = await _host.Services.GetRequiredService<JobScheduleRegistry>().FindAsync(new ClientNumber(1000), "client-weekly");
        Assert.Equal((ScheduleFrequency.Weekly(IsoDayOfWeek.Friday), new LocalTime(22, 30), "Europe/Paris"), (stored!.Frequency, stored.Time, stored.TimeZoneId));
        Assert.True((await client.DeleteScheduleAsync("client-weekly")).IsSuccess);
        Assert.True((await client.DeleteScheduleAsync("client-weekly")).HasError(JobErrorCodes.ScheduleNotFound));
    }

    [Fact]
    public async Task TriggerAndPoll_ThroughDropsTimeoutsAnd503s_CreatesExactlyOneRun()
    {
        await _host.Ops().PutJsonAsync("/jobs/schedules/resilient", new
        {
            frequency = "daily", time = "01:00", jobs = new[] { new { name = "Billing", job_type = "billing" } },
        });
        static bool Trigger(HttpRequestMessage r) => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/runs", StringComparison.Ordinal);
        static bool Poll(HttpRequestMessage r) => r.Method == HttpMethod.Get;
        var faults = new FaultInjector(_time)
            .Then(Trigger, FaultInjector.Fault.DropAfterForwarding)
            .Then(Trigger, FaultInjector.Fault.Unavailable)
            .Then(Trigger, FaultInjector.Fault.Slow)
            .Then(Poll, FaultInjector.Fault.Unavailable)
            .Then(Poll, FaultInjector.Fault.DropAfterForwarding);
        var (client, services) = Client(faults);
        await using var _ = services;
        var date = new LocalDate(2025, 3, 31);
        var start = _time.GetUtcNow();

        var run = await client.TriggerScheduleRunAsync("resilient", date, "core-2025-03-31");
        // The host runs it on the wall clock while the polls advance the fake one: a generous limit, polls stop at the end.
        var ended = await client.WaitForScheduleRunAsync(run.Value.Id, TimeSpan.FromMinutes(10));

        Assert.True(run.IsSuccess, run.ToString());
        Assert.Equal(BatchStatus.Ok, ended.Value.Status);
        Assert.Equal(4, faults.Seen["POST /jobs/schedules/resilient/runs"]); // dropped, 503, too slow, then answered
        Assert.True(_time.Delays.Count(d => d == TimeSpan.FromSeconds(1)) == 2, "Retry-After: 1 was honoured twice (trigger and poll)");
        Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromSeconds(2.7), "and the attempt timed out after 700 ms");
        var runs = await _host.Services.GetRequiredService<IJobRunStore>().SearchRunsAsync(new RunSearch(new ClientNumber(1000), date, date));
        Assert.Single(runs, r => r.Schedule == "resilient");
    }

    [Fact]
    public async Task WaitForScheduleRun_ARunThatDoesNotEnd_GivesUpAfterItsTimeout_OnTheClientsTime()
    {
        var runId = Guid.NewGuid();
        var stillRunning = new StillRunningHost();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddAriaBillingClient(o =>
        {
            o.BaseAddress = new Uri("http://localhost/");
            o.ClientNo = 1000;
            o.AuthKey = "ops-key";
            o.PollInterval = TimeSpan.FromMinutes(1);
        }).ConfigurePrimaryHttpMessageHandler(() => stillRunning);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<AriaBillingClient>();
        var start = _time.GetUtcNow();

        var ended = await client.WaitForScheduleRunAsync(runId, TimeSpan.FromHours(1));

        Assert.True(ended.HasError(AriaErrorCode.Symbolic("RUN_NOT_FINISHED")), ended.ToString());
        Assert.Equal(61, stillRunning.Polls); // at minutes 0, 1, …, 60
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromMinutes(1), 60), _time.Delays);
        Assert.Equal(TimeSpan.FromHours(1), _time.GetUtcNow() - start);
    }

    [Fact]
    public async Task ACallNotSafeToRepeat_IsSentOnce_AndItsFailureIsAValue()
    {
        var faults = new FaultInjector(_time).Then(r => r.Method == HttpMethod.Post, FaultInjector.Fault.Unavailable);
        var (client, services) = Client(faults);
        await using var _ = services;

        var started = await client.ReprocessAsync(SyncDomain.Account);

        Assert.True(started.IsFailure);
        Assert.Equal(1, faults.Seen["POST /sync/Account/reprocess"]);
        Assert.True(started.HasError(AriaErrorCodes.UnexpectedError));
    }

    // Issue #15 item 7: the client's discard names its scope and the count seen; a scope grown since is DISCARD_COUNT_CHANGED.
    [Fact]
    public async Task Discard_CarriesTheCountSeen_AndIsRefusedWhenTheScopeGrew()
    {
        var (client, services) = Client(new FaultInjector(_time));
        await using var _ = services;
        var objectName = $"Discard {Guid.NewGuid():N}";
        await client.IngestAsync(SyncDomain.Account, new SyncMessage($"{objectName}-1", objectName, "Create", 7, """{"error":"ACCOUNT_IS_NOT_FOUND"}"""));

        var grown = await client.DiscardAsync(SyncDomain.Account, "summary", expectedCount: 0, objectName, "Create");
        var started = await client.DiscardAsync(SyncDomain.Account, "summary", expectedCount: 1, objectName, "Create");

        Assert.True(grown.HasError(AriaErrorCode.Symbolic("DISCARD_COUNT_CHANGED")), grown.ToString());
        Assert.True(started.IsSuccess, started.ToString());
        Assert.Equal(SyncOperationKind.Discard, started.Value.Kind);
    }

    [Fact]
    public async Task NoRetries_SendsEvenARepeatableCallOnce()
    {
        var faults = new FaultInjector(_time).Then(_ => true, FaultInjector.Fault.Unavailable);
        var (client, services) = Client(faults, o => o.MaxRetryAttempts = 0);
        await using var _ = services;

        var summary = await client.GetSyncSummaryAsync(SyncDomain.Account);

        Assert.True(summary.HasError(AriaErrorCodes.UnexpectedError));
        Assert.Equal(1, faults.Seen["GET /sync/Account/summary"]);
    }

    [Fact]
    public async Task RuleViolations_ComeBackWithTheHostsCodes()
    {
        var (client, services) = Client(new FaultInjector(_time));
        await using var _ = services;

        var missing = await client.TriggerScheduleRunAsync("no-such-schedule", new LocalDate(2025, 1, 1), "k");
        var unknown = await client.GetScheduleRunAsync(Guid.NewGuid());

        Assert.True(missing.HasError(AriaErrorCode.Symbolic("SCHEDULE_NOT_FOUND")));
        Assert.True(unknown.HasError(AriaErrorCode.Symbolic("RUN_NOT_FOUND")));
    }

    // spec: release-6.50.txt, Credit Memo/Rebills - API. The host's demo billing system matches InvoiceSamples: client 1000,
    // account 42 (statement contact without e-mail: notices go to billing@example.com), master plan instance 7 in BG-1.
    [Fact]
    public async Task Invoicing_ImportCreditVoidRebillHistory_WithThePackagesTypes_AndTheHostsCodes()
    {
        var (client, services) = Client(new FaultInjector(_time));
        await using var _ = services;
        var disputed = InvoiceSamples.Invoice(810_000, InvoiceSamples.Charge(1, 120m, paid: 20m, taxRate: 0.1m), InvoiceSamples.Tax(2, 12m, 1)) with { DisputedAmount = 30m };
        var other = InvoiceSamples.Invoice(810_001, InvoiceSamples.Charge(1, 100m, taxRate: 0.1m), InvoiceSamples.Tax(2, 10m, 1));

        var imported = await client.ImportInvoiceAsync(disputed);
        Assert.True(imported.IsSuccess, imported.ToString());
        Assert.Equal(disputed with { Version = 1 }, imported.Value with { Lines = disputed.Lines, MasterPlanInstances = disputed.MasterPlanInstances });
        Assert.Equal(disputed.Lines.Select(l => l.ToString()), imported.Value.Lines.Select(l => l.ToString())); // every property (an unset amount is a zero one)
        Assert.Equal(2L, (await client.ImportInvoiceAsync(disputed)).Value.Version); // idempotent: a refresh

        var creditable = (await client.GetCreditableLinesAsync(810_000)).Value;
        Assert.Equal(Money.Of(120m, Currency.USD), Assert.Single(creditable).Maximum);

        var key = Guid.NewGuid();
        var made = await client.CreateCreditMemoAsync(810_000, "CM-ERR", "billed twice", [new CreditMemoLineRequest(1, 50m, "duplicate")], key);
        Assert.True(made.IsSuccess, made.ToString());
        var memo = made.Value.Memo;
        Assert.Equal((key, Money.Of(50m, Currency.USD), Money.Of(5m, Currency.USD), CreditMemoState.Active), (memo.Id, memo.Amount, memo.Tax, memo.State));
        Assert.StartsWith("CM-", memo.Number, StringComparison.Ordinal);
        Assert.Equal((948, ContactRole.Billing, "billing@example.com"), (made.Value.Notice.EventNo, made.Value.Notice.RecipientRole, made.Value.Notice.To));
        Assert.Equal(memo.Number, (await client.CreateCreditMemoAsync(810_000, "CM-ERR", "billed twice", [new CreditMemoLineRequest(1, 50m)], key)).Value.Memo.Number);
        Assert.Equal(memo with { Version = 1 }, (await client.GetCreditMemoAsync(memo.Number)).Value with { Lines = memo.Lines, Removed = memo.Removed });
        Assert.Equal([memo.Number], (await client.GetCreditMemosAsync(810_000)).Value.Select(m => m.Number));

        Assert.True((await client.VoidInvoiceAsync(810_000)).HasError(InvoicingErrorCodes.InvoiceHasCreditMemo));
        var voided = await client.VoidCreditMemoAsync(memo.Number);
        Assert.Equal((CreditMemoState.Voided, 949, 0m), (voided.Value.Memo.State, voided.Value.Notice.EventNo, voided.Value.Invoice.FindLine(1)!.CreditMemosApplied.Amount));
        Assert.True((await client.VoidCreditMemoAsync(memo.Number)).HasError(InvoicingErrorCodes.CreditMemoAlreadyVoided));

        Assert.True((await client.ImportInvoiceAsync(other)).IsSuccess);
        var rebilled = await client.RebillAsync(810_001, "RB-RATE", "contract rate", [new RebillLineRequest { LineNo = 1, Rate = 80m, Comment = "per contract" }]);
        Assert.True(rebilled.IsSuccess, rebilled.ToString());
        var rebill = rebilled.Value.Rebill;
        Assert.Equal((true, 810_001L, "per contract", Money.Of(80m, Currency.USD)), (rebill.IsRebill, rebill.OriginalInvoiceNo!.Value, rebill.Lines[0].Comment, rebill.Lines[0].Amount));
        Assert.StartsWith("RB-", rebill.RebillNumber, StringComparison.Ordinal);
        Assert.Equal((Money.Of(20m, Currency.USD), Money.Of(2m, Currency.USD)), (rebilled.Value.CreditMemo!.Amount, rebilled.Value.CreditMemo.Tax));
        Assert.Equal((true, rebill.InvoiceNo), (rebilled.Value.Original.IsRebilled, rebilled.Value.Original.RebilledBy!.Value));
        Assert.Equal([NoticeKind.Rebill, NoticeKind.CreditMemo], rebilled.Value.Notices.Select(n => n.Kind));
        Assert.True((await client.RebillAsync(810_001, "RB-RATE", "again")).HasError(InvoicingErrorCodes.InvoiceAlreadyRebilled));

        Assert.Equal([810_000L, 810_001L, rebill.InvoiceNo], (await client.GetInvoiceHistoryAsync(42)).Value.Select(i => i.InvoiceNo));
        Assert.Equal([810_000L, 810_001L], (await client.GetInvoiceHistoryAsync(42, RebillOption.OriginalsOnly)).Value.Select(i => i.InvoiceNo));
        Assert.Equal([rebill.InvoiceNo], (await client.GetInvoiceHistoryAsync(42, RebillOption.RebillsOnly)).Value.Select(i => i.InvoiceNo));
        Assert.True((await client.GetInvoiceHistoryAsync(42, (RebillOption)7)).HasError(InvoicingErrorCodes.InvalidRebillOption));
        Assert.True((await client.GetInvoiceAsync(819_999)).HasError(InvoicingErrorCodes.InvoiceNotFound));
        Assert.True((await client.GetCreditMemoAsync("CM-NOPE")).HasError(InvoicingErrorCodes.CreditMemoNotFound));
        Assert.Equal(InvoiceState.Voided, (await client.VoidInvoiceAsync(810_000)).Value.Invoice.State);
        await Assert.ThrowsAsync<ArgumentException>(() => client.ImportInvoiceAsync(disputed with { Client = new ClientNumber(2000) }));
    }

    [Fact]
    public async Task CreateCreditMemo_ThroughADroppedResponseAndA503_CreditsExactlyOnce()
    {
        await _host.Ops().PutJsonAsync("/invoicing/invoices/820000", new
        {
            account_no = 43, currency = "USD", bill_date = "2025-03-01", period_start = "2025-03-01", period_end = "2025-04-01",
            lines = new[] { new { line_no = 1, amount = 100m } },
        });
        static bool Create(HttpRequestMessage r) => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/credit-memos", StringComparison.Ordinal);
        var faults = new FaultInjector(_time).Then(Create, FaultInjector.Fault.DropAfterForwarding).Then(Create, FaultInjector.Fault.Unavailable);
        var (client, services) = Client(faults);
        await using var _ = services;

        var made = await client.CreateCreditMemoAsync(820_000, "CM-ERR", "goodwill", [new CreditMemoLineRequest(1, 10m)]);

        Assert.True(made.IsSuccess, made.ToString());
        Assert.Equal(3, faults.Seen["POST /invoicing/invoices/820000/credit-memos"]); // dropped (after the host saved it), 503, answered
        Assert.Equal([made.Value.Memo.Number], (await client.GetCreditMemosAsync(820_000)).Value.Select(m => m.Number));
        Assert.Equal(90m, (await client.GetInvoiceAsync(820_000)).Value.Balance.Amount);
    }

    [Fact]
    public async Task Rebill_IsNotSafeToRepeat_SoA503IsSentOnce_AndComesBackAsAValue()
    {
        await _host.Ops().PutJsonAsync("/invoicing/invoices/830000", new
        {
            account_no = 43, currency = "USD", bill_date = "2025-03-01", period_start = "2025-03-01", period_end = "2025-04-01",
            lines = new[] { new { line_no = 1, amount = 100m } },
        });
        var faults = new FaultInjector(_time).Then(r => r.Method == HttpMethod.Post, FaultInjector.Fault.Unavailable);
        var (client, services) = Client(faults);
        await using var _ = services;

        var rebilled = await client.RebillAsync(830_000, "RB-RATE", "lower rate", [new RebillLineRequest { LineNo = 1, Rate = 90m }]);

        Assert.True(rebilled.HasError(AriaErrorCodes.UnexpectedError));
        Assert.Equal(1, faults.Seen["POST /invoicing/invoices/830000/rebills"]);
        Assert.Null((await client.GetInvoiceAsync(830_000)).Value.RebilledBy);
    }

    /// <summary>A client of a host that answers 503 to everything, with ten retries and a breaker that opens after four calls.</summary>
    private (AriaBillingClient Client, ServiceProvider Services, FaultInjector Faults) AlwaysUnavailable()
    {
        var faults = new FaultInjector(_time);
        for (var i = 0; i < 100; i++)
        {
            faults.Then(_ => true, FaultInjector.Fault.Unavailable);
        }

        var (client, services) = Client(faults, o =>
        {
            o.MaxRetryAttempts = 10;
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(60);
            o.BreakerMinimumThroughput = 4;
        });
        return (client, services, faults);
    }

    [Fact]
    public async Task AHostThatKeepsFailing_OpensTheCircuit()
    {
        var (client, services, faults) = AlwaysUnavailable();
        await using var _ = services;

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetSyncSummaryAsync(SyncDomain.Account));
        Assert.True(faults.Seen["GET /sync/Account/summary"] < 11, "the breaker stopped the retries before they ran out");
    }

    [Fact]
    public async Task AnOpenCircuit_StaysOpen_WhenTheFactoryRotatesTheHandlers()
    {
        var (client, services, faults) = AlwaysUnavailable();
        await using var _ = services;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetSyncSummaryAsync(SyncDomain.Account));
        var sent = faults.Seen["GET /sync/Account/summary"];

        // The handler lifetime has passed: the factory builds the client a new chain of handlers.
        var (handler, scope) = HandlerRotation.NewChain(services, _clientName);
        using var __ = scope;
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = Timeout.InfiniteTimeSpan };
        var rotated = ActivatorUtilities.CreateInstance<AriaBillingClient>(services, http);

        await Assert.ThrowsAsync<BrokenCircuitException>(() => rotated.GetSyncSummaryAsync(SyncDomain.Account));
        Assert.Equal(2, faults.Chains); // a new chain of handlers,
        Assert.Equal(sent, faults.Seen["GET /sync/Account/summary"]); // whose breaker refused the call before it left the client
        var registry = services.GetRequiredKeyedService<ResiliencePipelineRegistry<string>>(AriaBillingClientServiceCollectionExtensions.ResiliencePipelineRegistryKey);
        Assert.True(registry.TryGetPipeline<HttpResponseMessage>(_clientName, out var pipeline) && pipeline is not null); // the one pipeline of this client name
    }

    /// <summary>Adding the client twice adds one resilience handler, not two stacked ones (retries would nest, the breaker count twice).</summary>
    [Fact]
    public void AddAriaBillingClient_Twice_OneResilienceHandler()
    {
        var services = new ServiceCollection();
        var name = services.AddAriaBillingClient(o => { o.BaseAddress = new Uri("http://127.0.0.1:1/"); o.ClientNo = 1000; o.AuthKey = "k"; }).Name;
        services.AddAriaBillingClient(o => o.MaxRetryAttempts = 2);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>>().Get(name);

        Assert.Single(options.HttpMessageHandlerBuilderActions);
        Assert.Equal(2, provider.GetRequiredService<IOptions<AriaBillingClientOptions>>().Value.MaxRetryAttempts);
    }

    [Fact]
    public void Options_AreValidated_WithTheSettingNamed()
    {
        var services = new ServiceCollection();
        services.AddAriaBillingClient(o => o.MaxRetryAttempts = 50);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AriaBillingClientOptions>>().Value);

        Assert.Contains("AriaBilling:Client:MaxRetryAttempts is 50; it should be in range [0-10].", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("AriaBilling:Client:BaseAddress is ''", StringComparison.Ordinal));
        Assert.Contains("AriaBilling:Client:AuthKey is empty; it should hold the client's key.", error.Failures);
    }

    /// <summary>A host whose runs are always still running.</summary>
    private sealed class StillRunningHost : HttpMessageHandler
    {
        private int _polls;

        public int Polls => Volatile.Read(ref _polls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _polls);
            var id = request.RequestUri!.Segments[^1];
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(
                    $$"""{"id":"{{id}}","schedule":"daily","run_date":"2025-03-31","status":"running","jobs":[]}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}

namespace Aria.Billing.Sync.Tests.Reprocess;

// spec: billing-sync-reprocess.txt — "Reprocess … Sync Errors" (every level), "Discard … Sync Records", the error catalog.
public sealed class SyncReprocessorTests
{
    private static readonly ClientNumber Client = SyncFixture.Client;

    private static async Task<SyncRecord> Get(SyncFixture f, SyncRecord record) => (await f.Store.GetAsync(Client, record.Id))!;

    [Fact]
    public async Task ReprocessAll_SuccessLeavesTheSummary_FailureKeepsErrorWithTheNewCode()
    {
        var f = new SyncFixture();
        var fixedOne = await f.Add("Account", "Create", "BILLING_STATUS_CODE_IS_NOT_MAPPED");
        var stillBroken = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        f.Handler.Override = r => r.Id == stillBroken.Id ? SyncOutcome.Error("OBJECT_IS_NOT_FOR_USAGE_PROCESS", "still broken") : null;

        var result = (await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "ops")).Value;

        Assert.Equal((2L, 1L, 1L), (result.Processed, result.Succeeded, result.Failed));
        Assert.Equal(SyncStatus.Complete, (await Get(f, fixedOne)).Status);
        var broken = await Get(f, stillBroken);
        Assert.Equal((SyncStatus.Error, "OBJECT_IS_NOT_FOR_USAGE_PROCESS"), (broken.Status, broken.ErrorCode));
        Assert.Equal(2, broken.Attempts.Count);
        Assert.Equal([new SyncSummaryRow("Contact", "Create", 1)], await f.Log.SummaryAsync(Client, SyncDomain.Account));
    }

    [Fact]
    public async Task Reprocess_SummaryRow_TouchesOnlyThatRow()
    {
        var f = new SyncFixture();
        var inRow = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        var otherRow = await f.Add("Contact", "Update", "ACCOUNT_IS_NOT_FOUND");

        await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.Summary("Contact", "Create"), "ops");

        Assert.Equal(SyncStatus.Complete, (await Get(f, inRow)).Status);
        Assert.Equal(SyncStatus.Error, (await Get(f, otherRow)).Status);
    }

    [Fact]
    public async Task Reprocess_ErrorSummaryRow_TouchesOnlyThatCodeAndMessage()
    {
        var f = new SyncFixture();
        var a = await f.Add("Plan Instance", "Create", "ACCOUNT_IS_NOT_FOUND");
        var b = await f.Add("Plan Instance", "Create", "SUBSCRIPTION_IS_NOT_FOUND");

        await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.ErrorSummary("Plan Instance", "Create", "ACCOUNT_IS_NOT_FOUND", "ACCOUNT_IS_NOT_FOUND for Plan Instance"), "ops");

        Assert.Equal(SyncStatus.Complete, (await Get(f, a)).Status);
        Assert.Equal(SyncStatus.Error, (await Get(f, b)).Status);
    }

    [Fact]
    public async Task Reprocess_NarrowedByAccount_TouchesOnlyThatAccount()
    {
        var f = new SyncFixture();
        var mine = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND", account: 1);
        var theirs = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND", account: 2);

        await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(new AccountNumber(1)), "ops");

        Assert.Equal(SyncStatus.Complete, (await Get(f, mine)).Status);
        Assert.Equal(SyncStatus.Error, (await Get(f, theirs)).Status);
    }

    [Fact]
    public async Task ReprocessRecord_RefusalCodes()
    {
        var f = new SyncFixture();
        var complete = await f.Add("Account", "Create");
        var ignored = await f.Add("Account", "Update");
        f.Handler.Override = r => r.Id == ignored.Id ? SyncOutcome.Ignored : null;
        await f.Store.UpdateAsync(ignored with { Status = SyncStatus.Ignored }, ignored.Version);
        var discarded = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        await f.Reprocessor.DiscardAsync(Client, SyncDomain.Account, SyncScope.Record(discarded.Id), "ops");

        foreach (var id in new[] { complete.Id, ignored.Id, discarded.Id })
        {
            var refused = await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.Record(id), "ops");
            Assert.True(refused.HasError(SyncErrorCodes.SyncEventNotValidForErrorProcess));
        }

        Assert.True((await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.Record(999), "ops")).HasError(SyncErrorCodes.SyncEventIsNotFound));
        Assert.True((await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Catalog, SyncScope.Record(complete.Id), "ops")).HasError(SyncErrorCodes.SyncEventIsNotFound));
    }

    [Fact]
    public async Task ReprocessEvent_ByEventId_TakesThatRecord_AndAnUnknownEventIdIsNotFound()
    {
        // spec: billing-sync-reprocess.txt — SYNC_EVENT_IS_NOT_FOUND: "Sync event is not found for the given event ID".
        var f = new SyncFixture();
        var failed = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        var other = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");

        var reprocessed = await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.Event(failed.EventId), "ops");

        Assert.Equal(1, reprocessed.Value.Succeeded);
        Assert.Equal((SyncStatus.Complete, SyncStatus.Error), ((await Get(f, failed)).Status, (await Get(f, other)).Status));
        Assert.True((await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.Event(failed.EventId), "ops")).HasError(SyncErrorCodes.SyncEventNotValidForErrorProcess));
        Assert.True((await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.Event("no-such-event"), "ops")).HasError(SyncErrorCodes.SyncEventIsNotFound));
        Assert.True((await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Catalog, SyncScope.Event(other.EventId), "ops")).HasError(SyncErrorCodes.SyncEventIsNotFound));
        Assert.True(SyncScope.Event(other.EventId).Contains(other));
        Assert.False(SyncScope.Event(other.EventId).Contains(failed));
    }

    [Fact]
    public async Task Discard_IsFinal_AndNeverReprocessed()
    {
        var f = new SyncFixture();
        var record = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");

        var discard = (await f.Reprocessor.DiscardAsync(Client, SyncDomain.Account, SyncScope.Summary("Contact", "Create"), "ops")).Value;
        var reprocess = (await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "ops")).Value;

        Assert.Equal(1, discard.Succeeded);
        Assert.Equal(0, reprocess.Processed);
        Assert.Equal(SyncStatus.Discarded, (await Get(f, record)).Status);
        Assert.Equal(1, f.Handler.Calls[record.Id]);
        Assert.Empty(await f.Log.SummaryAsync(Client, SyncDomain.Account));
    }

    [Fact]
    public async Task Discard_ARecordThatErrsAfterTheRequest_IsLeftForTheNextLook()
    {
        // Issue #15 item 7: a discard takes what the operator saw (and counted, expected_count) when it was requested; a
        // record that turns ERROR while the operation waits in the queue is not discarded with it.
        var f = new SyncFixture();
        var seen = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        var discard = (await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Discard, SyncScope.Summary("Contact", "Create"), "ops")).Value;
        f.Clock.Advance(Duration.FromSeconds(5));
        var later = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");

        var ended = (await f.Reprocessor.RunAsync(Client, discard.Id)).Value;

        Assert.Equal((SyncOperationState.Completed, 1L, 1L), (ended.State, ended.Succeeded, ended.Skipped));
        Assert.Equal(SyncStatus.Discarded, (await Get(f, seen)).Status);
        Assert.Equal(SyncStatus.Error, (await Get(f, later)).Status);
        Assert.Equal(1, Assert.Single(await f.Log.SummaryAsync(Client, SyncDomain.Account)).Count);
    }

    [Fact]
    public async Task Start_OverlappingScopeWhileOneRuns_IsRefused()
    {
        var f = new SyncFixture();
        await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        var running = (await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Reprocess, SyncScope.Summary("Contact", "Create"), "ops")).Value;

        var clash = await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Discard, SyncScope.Summary("Contact", "Create"), "ops");
        var all = await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Reprocess, SyncScope.All(), "ops");
        var elsewhere = await f.Reprocessor.StartAsync(Client, SyncDomain.Catalog, SyncOperationKind.Discard, SyncScope.All(), "ops");

        Assert.True(clash.HasError(SyncErrorCodes.SyncOperationInProgress));
        Assert.True(all.HasError(SyncErrorCodes.SyncOperationInProgress));
        Assert.True(elsewhere.IsSuccess);
        await f.Reprocessor.RunAsync(Client, running.Id);
        Assert.True((await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Discard, SyncScope.All(), "ops")).IsSuccess);
    }

    [Fact]
    public async Task Run_ReportsProgressInBatches_AndCanBeCancelled()
    {
        var f = new SyncFixture(new SyncOptions { BatchSize = 10 });
        for (var i = 0; i < 35; i++)
        {
            await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        }

        using var cancel = new CancellationTokenSource();
        var reports = new List<SyncProgress>();
        var progress = new SynchronousProgress(p =>
        {
            reports.Add(p);
            if (p.Processed >= 20)
            {
                cancel.Cancel();
            }
        });

        var result = (await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "ops", progress, cancel.Token)).Value;

        Assert.Equal(SyncOperationState.Cancelled, result.State);
        Assert.Equal(20, result.Processed);
        Assert.Equal([new SyncProgress(10, 10, 0, 25), new SyncProgress(20, 20, 0, 15)], reports);
        Assert.Equal([new SyncSummaryRow("Contact", "Create", 15)], await f.Log.SummaryAsync(Client, SyncDomain.Account));
    }

    [Fact]
    public async Task Cancel_MidBatch_ReleasesTheRecordsItMarkedButDidNotRun_SoADiscardCanTakeThem()
    {
        var f = new SyncFixture(new SyncOptions { BatchSize = 10 });
        for (var i = 0; i < 10; i++)
        {
            await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        }

        using var cancel = new CancellationTokenSource();
        var taken = 0;
        f.Handler.Override = _ =>
        {
            if (++taken == 4)
            {
                cancel.Cancel(); // the operator cancels while the fourth record of the batch is being handled
            }

            return null;
        };

        var result = (await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "ops", null, cancel.Token)).Value;
        var left = (await f.Store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Status = SyncStatus.Error, Page = PageRequest.First(100).Value })).Items;
        var discarded = (await f.Reprocessor.DiscardAsync(Client, SyncDomain.Account, SyncScope.All(), "ops")).Value;

        Assert.Equal((SyncOperationState.Cancelled, 4L, 4L), (result.State, result.Processed, result.Succeeded));
        Assert.Equal(6, left.Count);
        Assert.All(left, r => Assert.Null(r.InFlightOperation));
        Assert.Equal(6L, discarded.Succeeded);
    }

    [Fact]
    public async Task AnOperationRunsOnOneNodeAtATime_AndAnExpiredLeaseIsTakenOver_NothingRunsTwice()
    {
        var f = new SyncFixture(new SyncOptions { BatchSize = 4, OutcomeWriteBatch = 1, RunnerId = "node-a" });
        var nodeB = new SyncReprocessor(f.Store, f.Operations, f.Handler, f.Clock, new SyncOptions { BatchSize = 4, OutcomeWriteBatch = 1, RunnerId = "node-b" });
        for (var i = 0; i < 10; i++)
        {
            await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        }

        var calls = new Dictionary<long, int>(f.Handler.Calls);
        var operation = (await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Reprocess, SyncScope.All(), "ops")).Value;
        AriaResult<SyncOperation> whileHeld = default, sameNode = default, afterExpiry = default;
        var taken = 0;
        f.Handler.Override = _ =>
        {
            switch (++taken)
            {
                case 2: // node B resumes the operation while node A holds a live lease: refused; so is a second run on node A
                    whileHeld = nodeB.RunAsync(Client, operation.Id).GetAwaiter().GetResult();
                    sameNode = f.Reprocessor.RunAsync(Client, operation.Id).GetAwaiter().GetResult();
                    break;
                case 6: // node A stalls inside a handler past its lease: node B takes the operation over and finishes it
                    f.Clock.Advance(Duration.FromMinutes(2));
                    afterExpiry = nodeB.RunAsync(Client, operation.Id).GetAwaiter().GetResult();
                    break;
            }

            return null;
        };

        var nodeA = await f.Reprocessor.RunAsync(Client, operation.Id);

        Assert.Equal(SyncErrorCodes.SyncOperationInProgress, whileHeld.Errors.Single().Code);
        Assert.Equal(SyncErrorCodes.SyncOperationInProgress, sameNode.Errors.Single().Code);
        Assert.Equal(SyncOperationState.Completed, afterExpiry.Value.State);
        Assert.Equal(SyncErrorCodes.SyncOperationInProgress, nodeA.Errors.Single().Code); // A stops at its next record
        var runs = f.Handler.Calls.Where(c => c.Value != calls.GetValueOrDefault(c.Key)).ToDictionary(c => c.Key, c => c.Value - calls.GetValueOrDefault(c.Key));
        Assert.Equal(10, runs.Count);
        Assert.All(runs.Values, n => Assert.Equal(1, n));
        Assert.Equal(1L, afterExpiry.Value.Skipped); // the record A was inside when B took over: left ERROR, not run again
        Assert.All((await f.Store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.First(100).Value })).Items,
            r => Assert.Null(r.InFlightOperation));
    }

    /// <summary>
    /// Issue 19: a bulk reprocess takes records in groups of about <see cref="SyncOptions.OutcomeWriteInterval"/> of handling —
    /// the first of a run one record, then as many as the last group handled in the interval, at most
    /// <see cref="SyncOptions.OutcomeWriteBatch"/> — each group marked in flight, handled, and written together. Seen from inside
    /// the handler: how many records are in flight, and whether the previous record's outcome is written yet.
    /// </summary>
    [Theory]
    [InlineData(250, 500, new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 })] // slower than the interval: one at a time
    [InlineData(25, 500, new[] { 1, 4, 4, 4, 4, 1, 4, 4, 4, 4, 2, 2 })] // 4 fit in 100 ms; a batch (6) ends a group
    [InlineData(1, 500, new[] { 1, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6 })] // fast: the rest of the batch is one group
    [InlineData(1, 3, new[] { 1, 3, 3, 3, 2, 2, 3, 3, 3, 3, 3, 3 })] // capped by OutcomeWriteBatch
    public async Task Groups_AreSizedByTheHandlersSpeed_MarkedAndWrittenTogether(int handlerMillis, int outcomeWriteBatch, int[] inFlightSeen)
    {
        var f = new SyncFixture(new SyncOptions { BatchSize = 6, OutcomeWriteBatch = outcomeWriteBatch });
        for (var i = 0; i < 12; i++)
        {
            await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        }

        var seen = new List<int>();
        f.Handler.Override = _ =>
        {
            f.Clock.Advance(Duration.FromMilliseconds(handlerMillis));
            seen.Add(f.Store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.First(100).Value })
                .GetAwaiter().GetResult().Items.Count(r => r.InFlightOperation is not null));
            return null;
        };

        var done = await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "ops");

        Assert.Equal(12L, done.Value.Succeeded);
        Assert.Equal(inFlightSeen, seen);
    }

    [Fact]
    public async Task ReprocessAll_DependencyAware_ClearsAPrerequisiteChainInOnePass()
    {
        var f = new SyncFixture();
        // Arrival order is the worst case: dependants first, prerequisites last, all errored.
        var supplemental = await f.Add("Supplemental Plan Instance", "Create", "PARENT_PRICE_UNIT_IS_NOT_FOUND", key: "supp", requires: "master");
        var master = await f.Add("Master Plan Instance", "Create", "ACCOUNT_IS_NOT_FOUND", key: "master", requires: "account");
        var contact = await f.Add("Contact", "Update", "ACCOUNT_IS_NOT_FOUND", requires: "account");
        var account = await f.Add("Account", "Create", "BILLING_STATUS_CODE_IS_NOT_MAPPED", key: "account");

        var result = (await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "ops")).Value;

        Assert.Equal((4L, 4L), (result.Processed, result.Succeeded));
        foreach (var record in new[] { supplemental, master, contact, account })
        {
            Assert.Equal(SyncStatus.Complete, (await Get(f, record)).Status);
        }

        Assert.Empty(await f.Log.SummaryAsync(Client, SyncDomain.Account));
    }

    [Fact]
    public async Task ReprocessAll_CatalogOrder_UsageTypesAndServicesBeforePlans()
    {
        var f = new SyncFixture();
        var plan = await f.Add("Plan", "Create", "BILLABLE_SERVICE_NOT_FOUND", domain: SyncDomain.Catalog, key: "plan", requires: "service");
        var service = await f.Add("Service", "Create", "USAGE_TYPE_NOT_FOUND", domain: SyncDomain.Catalog, key: "service", requires: "usage type");
        await f.Add("Usage Type", "Create", "GATEWAY_OBJECT_TYPE_IS_NOT_FOUND", domain: SyncDomain.Catalog, key: "usage type");

        await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Catalog, SyncScope.All(), "ops");

        Assert.Equal(SyncStatus.Complete, (await Get(f, plan)).Status);
        Assert.Equal(SyncStatus.Complete, (await Get(f, service)).Status);
    }

    [Fact]
    public void Catalog_ListsEveryCodeOfTheSpecWithCauseAndResolution()
    {
        string[] codes =
        [
            "BILLABLE_SERVICE_NOT_FOUND", "SERVICE_NUM_NOT_FOUND", "PRICE_OFFER_IS_NOT_FOUND", "GATEWAY_OBJECT_TYPE_IS_NOT_FOUND",
            "ADVANCED_USAGE_PRICING_FLAG_NOT_SET", "PLAN_RATE_SCHEDULE_NOT_FOUND", "PROCESS_NOT_DEFINED_FOR_GATEWAY_OBJECT_TYPE",
            "SYNC_EVENT_IS_NOT_FOUND", "SYNC_EVENT_NOT_VALID_FOR_ERROR_PROCESS", "PARENT_PRICE_UNIT_IS_NOT_FOUND",
            "BILLING_STATUS_CODE_IS_NOT_MAPPED", "USAGE_TYPE_NOT_FOUND", "RESPONSIBLE_PLAN_INSTANCE_IS_NOT_FOUND", "ACCOUNT_IS_NOT_FOUND",
            "PLAN_INSTANCE_PRICE_UNIT_IS_NOT_FOUND", "PLAN_INSTANCE_BILLING_ATTRIBUTES_NOT_FOUND", "BILLING_PROFILE_OBJECT_NOT_CREATED",
            "USAGE_CUSTOM_RATES_FROM_BILLING_FLAG_NOT_SET", "ERROR_BUILDING_TIERS_FROM_CUSTOM_RATES_FROM_BILLING", "SUBSCRIPTION_IS_NOT_FOUND",
            "OBJECT_IS_NOT_FOR_USAGE_PROCESS",
        ];

        Assert.Equal(codes.Order(StringComparer.Ordinal), SyncErrorCatalog.All.Select(e => e.Code.Value).Order(StringComparer.Ordinal));
        Assert.All(SyncErrorCatalog.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Cause) || string.IsNullOrWhiteSpace(e.Resolution)));
        Assert.True(SyncErrorCatalog.Find("ACCOUNT_IS_NOT_FOUND")!.MissingPrerequisite);
        Assert.Equal([SyncDomain.Catalog, SyncDomain.Account], SyncErrorCatalog.Find("SYNC_EVENT_IS_NOT_FOUND")!.Domains);
        Assert.Null(SyncErrorCatalog.Find("NOT_A_CODE"));
    }

    private sealed class SynchronousProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }

    [Fact]
    public async Task Reprocess_RecordHeldByAnotherRunningOperation_IsLeftToIt_UntilThatOneFinishes()
    {
        var f = new SyncFixture();
        var record = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        var ingested = f.Handler.Calls.GetValueOrDefault(record.Id);
        var holder = (await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Reprocess, SyncScope.All(), "node-a")).Value;
        await f.Store.UpdateAsync(record with { InFlightOperation = holder.Id }, record.Version);
        var forced = holder with { Id = Guid.NewGuid() }; // as if a second node had started the same scope
        await f.Operations.SaveOperationAsync(forced);

        var second = (await f.Reprocessor.RunAsync(Client, forced.Id)).Value;

        Assert.Equal(0L, second.Processed);
        Assert.Equal(ingested, f.Handler.Calls.GetValueOrDefault(record.Id));

        await f.Operations.SaveOperationAsync(holder with { State = SyncOperationState.Cancelled });
        var third = (await f.Reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "ops")).Value;

        Assert.Equal((1L, 1L), (third.Processed, third.Succeeded));
        Assert.Equal(ingested + 1, f.Handler.Calls[record.Id]);
    }

    // Issue #15 item 10 (found by .ci/chaos.sh): a host stopping (SIGTERM) is not an operator cancelling — the bulk
    // reprocess a host runs stays running, its lease given back, and another node's runner resumes it at once.
    [Fact]
    public async Task ContinueAsync_HostStopsMidway_StaysRunningWithItsCounts_AnotherRunnerResumesItAtOnce()
    {
        var f = new SyncFixture(new SyncOptions { BatchSize = 10, RunnerId = "node-a" });
        for (var i = 0; i < 30; i++)
        {
            await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        }

        using var stopping = new CancellationTokenSource();
        var taken = 0;
        f.Handler.Override = _ =>
        {
            if (++taken == 14)
            {
                stopping.Cancel(); // SIGTERM while the fourth record of the second batch is handled
            }

            return null;
        };
        var operation = (await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Reprocess, SyncScope.All(), "ops")).Value;

        var stopped = (await f.Reprocessor.ContinueAsync(Client, operation.Id, stopping.Token)).Value;
        var other = new SyncReprocessor(f.Store, f.Operations, f.Handler, f.Clock, new SyncOptions { BatchSize = 10, RunnerId = "node-b" });
        var resumed = await other.ResumeAsync(Client, SyncDomain.Account); // no time has passed: the lease was given back

        Assert.Equal((SyncOperationState.Running, 14L), (stopped.State, stopped.Processed));
        Assert.Equal([(operation.Id, SyncOperationState.Completed, 30L)], resumed.Select(o => (o.Id, o.State, o.Succeeded)));
        Assert.All(f.Handler.Calls.Values, calls => Assert.Equal(2, calls)); // ingest + one reprocess each: none twice
    }

    [Fact]
    public async Task Resume_RunsWhatAStopLeftRunning_AndNothingElse()
    {
        var f = new SyncFixture();
        var first = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        var second = await f.Add("Account", "Create", "BILLING_STATUS_CODE_IS_NOT_MAPPED");
        var left = (await f.Reprocessor.StartAsync(Client, SyncDomain.Account, SyncOperationKind.Reprocess, SyncScope.Summary("Contact", "Create"), "node-a")).Value;

        var resumed = await f.Reprocessor.ResumeAsync(Client, SyncDomain.Account);

        Assert.Equal([(left.Id, SyncOperationState.Completed, 1L)], resumed.Select(o => (o.Id, o.State, o.Succeeded)));
        Assert.Equal((SyncStatus.Complete, SyncStatus.Error), ((await Get(f, first)).Status, (await Get(f, second)).Status));
        Assert.Empty(await f.Operations.ListRunningOperationsAsync(Client, SyncDomain.Account));
        Assert.Empty(await f.Reprocessor.ResumeAsync(Client, SyncDomain.Account));
    }
}

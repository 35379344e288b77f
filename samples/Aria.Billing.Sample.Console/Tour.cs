using Aria.Billing.Jobs;
using Aria.Billing.Invoicing;
using Aria.Billing.Plans;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Plans.Rating;
using Aria.Billing.Storage.Sqlite;
using Aria.Billing.Sync;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Aria.Billing.Sample;

/// <summary>Walks through each package with realistic data and prints what the rules decide, and why.</summary>
internal sealed class Tour(
    IClock clock,
    IDateTimeZoneProvider zones,
    IOptions<AriaBillingOptions> options,
    ReplacePlanValidator replacePlan,
    ProrationCalculator proration,
    BillLagCalculator billLag,
    InvoicePlanner invoices,
    PlanChangeQueue queue,
    SyncLog syncLog,
    SyncReprocessor reprocessor,
    JobScheduleRegistry schedules,
    JobRunner runner,
    IJobRunStore runStore,
    SqliteStorage storage,
    SampleRatingEngine ratingEngine,
    StopSwitch stop,
    SampleJobs jobs)
{
    public async Task RunAsync(TextWriter output)
    {
        var zone = zones[options.Value.TimeZoneId];
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        output.WriteLine($"Aria.Billing sample — today is {today:uuuu-MM-dd} in {zone.Id}");
        output.WriteLine($"store: SQLite at {storage.DataSource} (schema version {await storage.GetSchemaVersionAsync()}); run again to see what it kept");
        output.WriteLine();

        BillingPeriods(output, today);
        PlanReplacement(output);
        UsageRating(output, today);
        await FuturePlanChanges(output, today);
        await SyncReprocess(output);
        await JobSchedules(output);
    }

    private static void BillingPeriods(TextWriter output, LocalDate today)
    {
        output.WriteLine("1. Billing periods — bill day 31, monthly: the bill date falls on the last day of short months");
        var cycle = BillingCycle.Monthly(31);
        var period = cycle.PeriodContaining(new LocalDate(today.Year, 1, 1));
        for (var i = 0; i < 4; i++)
        {
            output.WriteLine($"   {period}  {period.Days,2} days");
            period = cycle.Next(period);
        }

        output.WriteLine();
    }

    private void PlanReplacement(TextWriter output)
    {
        // The spec's worked example: bill day 15, monthly, the $30 Basic plan replaced by the $60 Pro plan on Apr 27.
        var today = new LocalDate(2025, 4, 27);
        var cycle = BillingCycle.Monthly(15);
        output.WriteLine($"2. Replace plan — account 42, master plan instance 7 (Basic, 30.00 USD/month, bill day 15) → Pro (60.00 USD), as of {today:uuuu-MM-dd}");

        // What the billing system knows, as one snapshot: the account, its plan instances and the catalog (a host loads it
        // through its IReplacePlanFactsSource; ReplacePlanService does that and validates).
        var context = new ReplacePlanContext
        {
            Client = new ClientNumber(1000),
            Today = today,
            Account = new AccountFacts { Number = new AccountNumber(42), Currency = Currency.USD },
            PlanInstances = AccountPlanInstances.Create([new PlanInstanceFacts { Number = new PlanInstanceNumber(7), Plan = new PlanNumber(1), Cycle = cycle }]),
            Catalog = ProductCatalog.Create(
                plans: [new CatalogPlan { Number = new PlanNumber(1), ClientId = "basic" }, new CatalogPlan { Number = new PlanNumber(9), ClientId = "pro" }],
                rateSchedules:
                [
                    new CatalogRateSchedule { Number = 101, Plan = new PlanNumber(1), Currency = Currency.USD, IsDefault = true },
                    new CatalogRateSchedule { Number = 109, Plan = new PlanNumber(9), Currency = Currency.USD, IsDefault = true },
                ]),
        };
        var request = new ReplacePlanRequest { ClientNo = "1000", AuthKey = "key", AcctNo = "42", PlanInstanceNo = "7", NewPlanNo = "9", AssignmentDirective = "4" };
        var validated = replacePlan.Validate(request, context);
        var directive = validated.Value.Directive;
        output.WriteLine($"   replace_acct_plan_m with assignment_directive 4: valid — takes effect {directive.Directive.Timing}, proration {directive.Proration}");

        var bad = replacePlan.Validate(request with { AssignmentDirective = "12", BillLagDays = "40", EffectiveDate = "2025-02-30", UsageThresholdApplicability = "XX", NewPlanNo = "8", CouponCodes = ["SPRING"] }, context);
        output.WriteLine("   the same request with bad inputs is refused with every coded error, nothing thrown:");
        foreach (var error in bad.Errors)
        {
            output.WriteLine($"     {error}");
        }

        var quote = proration.Quote(new ProrationRequest
        {
            Cycle = cycle,
            OldRatePerUnit = Money.Of(30m, Currency.USD),
            OldUnits = 1,
            NewRatePerUnit = Money.Of(60m, Currency.USD),
            NewUnits = 1,
            EffectiveDate = today,
            Policy = directive.Proration,
        }).Value;
        output.WriteLine($"   proration: the period {quote.Credit.Period} has {quote.Credit.Period.Days} days; {quote.Credit.DaysRemaining} remain from {quote.SpanStart:MMM d}");
        output.WriteLine($"     credit (Basic, unused days) {quote.Credit}");
        output.WriteLine($"     charge (Pro, remaining days) {quote.Charge}");
        output.WriteLine($"     net due {quote.Net} (each side rounded once, {quote.Rounding})");

        var lag = billLag.Resolve(new BillLagSettings(MasterPlanInstance: null, CollectionGroup: -14, PaymentTermsOrMethod: 5));
        var nextBill = cycle.NextBillDateAfter(today);
        output.WriteLine($"   bill lag: {lag} — the invoice for the period from {nextBill:MMM d} is dated {lag.InvoiceDateFor(nextBill):MMM d}");

        var plan = invoices.Plan(new InvoicePlanRequest
        {
            Cycle = cycle, FirstUninvoicedPeriodStart = new LocalDate(2025, 4, 15), AsOf = new LocalDate(2025, 5, 1),
            BillLagDays = lag.Days, CombineInvoices = (int)CombineInvoices.LongCycle,
        }).Value;
        output.WriteLine($"   invoice plan to May 1 (catch-up of {plan.PeriodsDue} periods, {plan.Combine}):");
        foreach (var invoice in plan.Invoices)
        {
            var due = DueDateCalculator.DueDate(invoice.InvoiceDate, 10, DaysUntilDueMethod.AfterEndOfMonth);
            output.WriteLine($"     invoice {invoice}, due {due:uuuu-MM-dd} (end of month + 10 days)");
        }

        output.WriteLine();
    }

    private static void UsageRating(TextWriter output, LocalDate today)
    {
        output.WriteLine($"3. Usage rating — a day of generated usage ({today:uuuu-MM-dd}) for three accounts, 5-tier graduated GB schedule");
        var schedule = RateSchedule.Create(
            Currency.USD,
            PricingModel.Tiered,
            [
                new RateTier(1, 1, 100, 0.10m), new RateTier(2, 101, 500, 0.08m), new RateTier(3, 501, 1000, 0.06m),
                new RateTier(4, 1001, 5000, 0.04m), new RateTier(5, 5001, null, 0.02m),
            ]).Value;
        var rater = new UsageRater();
        var random = new Random(today.DayOfYear); // the same day always generates the same usage
        foreach (var (account, meanGb) in new[] { (1001, 2.5m), (1002, 40m), (1003, 300m) })
        {
            var records = Enumerable.Range(0, 48)
                .Select(_ => new UsageRecord(decimal.Round(meanGb * random.Next(50, 150) / 100m, 3)))
                .Append(new UsageRecord(-decimal.Round(meanGb / 2, 3)))   // a correction: negative usage
                .ToArray();
            var rating = rater.RatePeriod(schedule, records).Value;
            var tiers = string.Join(", ", rating.Tiers.Where(t => t.Units != 0).Select(t => $"tier {t.Tier.Sequence}: {t.Units:0.###} GB × {t.Tier.RatePerUnit} = {t.Amount:0.####}"));
            output.WriteLine($"   account {account}: {rating.RecordCount} records, {rating.Units:0.###} GB → {rating.InvoiceAmount}  ({tiers})");
        }

        output.WriteLine();
    }

    private async Task FuturePlanChanges(TextWriter output, LocalDate today)
    {
        var client = new ClientNumber(1000);
        var account = new AccountNumber(42);
        var start = today.PlusDays(21);
        output.WriteLine($"4. Future plan changes — account {account}: a master plan on {start:uuuu-MM-dd}, a child and a grandchild under it");

        async Task<PlanChange> Queue(long instance, long? parent, PlanKind kind, LocalDate date)
        {
            var result = await queue.QueueAsync(
                new QueuePlanChangeRequest
                {
                    Client = client, Account = account, Instance = new PlanInstanceNumber(instance), Kind = PlanChangeKind.Assign,
                    PlanKind = kind, ParentInstance = parent is { } p ? new PlanInstanceNumber(p) : null, EffectiveDate = date,
                },
                "csr-ann");
            return result.Value;
        }

        // Each step looks first at what the store kept, so a second run (or one after a crash) queues nothing twice.
        var stored = await queue.ListAsync(client, account, includeHistory: true);
        PlanChange? Stored(long instance) => stored.FirstOrDefault(c => c.Instance == new PlanInstanceNumber(instance));
        if (stored.Count > 0)
        {
            output.WriteLine($"   (the store kept {stored.Count} changes from an earlier run: nothing is queued twice)");
        }

        var master = Stored(500) ?? await Queue(500, null, PlanKind.Master, start);
        var child = Stored(501) ?? await Queue(501, 500, PlanKind.Supplemental, start);
        _ = Stored(502) ?? await Queue(502, 501, PlanKind.Supplemental, start.PlusDays(3));
        if (child.State == PlanChangeState.Queued)
        {
            var tooEarly = await queue.QueueAsync(
                new QueuePlanChangeRequest { Client = client, Account = account, Instance = new PlanInstanceNumber(503), Kind = PlanChangeKind.Assign, ParentInstance = new PlanInstanceNumber(501), EffectiveDate = master.EffectiveDate.PlusDays(-1) },
                "csr-ann");
            output.WriteLine($"   a grandchild dated before its parent is refused: {tooEarly.Errors[0]}");
        }

        await PrintQueue("queue", includeHistory: false);
        if (master.State == PlanChangeState.Queued)
        {
            var executed = await queue.ExecuteNowAsync(client, master.Id, "csr-ann");
            output.WriteLine($"   execute now: master plan instance {executed.Value.Instance} {executed.Value.State.ToString().ToLowerInvariant()} by {executed.Value.ClosedBy}");
        }

        if (child.State == PlanChangeState.Queued)
        {
            var deleted = await queue.DeleteAsync(client, child.Id, "csr-bob");
            output.WriteLine($"   delete the child: {deleted.Value.Count} changes deleted (the grandchild went with it)");
        }

        await PrintQueue("history", includeHistory: true);
        output.WriteLine();

        async Task PrintQueue(string title, bool includeHistory)
        {
            output.WriteLine($"   {title}:");
            foreach (var change in await queue.ListAsync(client, account, includeHistory: includeHistory))
            {
                var execute = change.State == PlanChangeState.Queued && await queue.CanExecuteNowAsync(change) ? " [execute]" : string.Empty;
                var outcome = change.State == PlanChangeState.Queued ? string.Empty : $" — {change.State.ToString().ToLowerInvariant()} by {change.ClosedBy}{(change.Reason is null ? string.Empty : $": {change.Reason}")}";
                output.WriteLine($"     {change.EffectiveDate:uuuu-MM-dd} {change.Kind} plan instance {change.Instance}{(change.ParentInstance is { } p ? $" under {p}" : string.Empty)}{execute}{outcome}");
            }
        }
    }

    private async Task SyncReprocess(TextWriter output)
    {
        var client = new ClientNumber(1000);
        output.WriteLine("5. Sync reprocess — account messages arrived before what they need; two accounts failed on a status mapping");
        var now = clock.GetCurrentInstant();
        var before = await CountAsync();
        await foreach (var completed in CompletedAsync())
        {
            ratingEngine.Remember(completed); // what the billing system already holds after an earlier run
        }

        var sent = 0;
        async Task Send(string objectName, string action, long account, string payload)
        {
            sent++;
            await syncLog.IngestAsync(new SyncRecord
            {
                Client = client, Domain = SyncDomain.Account, EventId = $"evt-{sent}", EventTime = now, ObjectType = objectName.Length,
                ObjectName = objectName, ActionName = action, AccountNumber = new AccountNumber(account), Payload = payload,
            });
        }

        for (var account = 1; account <= 40; account++)
        {
            // The worst arrival order: supplemental, master, contact, then the account itself.
            await Send("Supplemental Plan Instance", "Create", account, $$"""{"key":"supp-{{account}}","requires":"mpi-{{account}}","missing":"PARENT_PRICE_UNIT_IS_NOT_FOUND"}""");
            await Send("Master Plan Instance", "Create", account, $$"""{"key":"mpi-{{account}}","requires":"acct-{{account}}","missing":"ACCOUNT_IS_NOT_FOUND"}""");
            await Send("Contact", "Update", account, $$"""{"requires":"acct-{{account}}","missing":"ACCOUNT_IS_NOT_FOUND"}""");
            var failFirst = account % 20 == 0 ? ",\"failFirst\":\"BILLING_STATUS_CODE_IS_NOT_MAPPED\"" : string.Empty;
            await Send("Account", "Create", account, $$"""{"key":"acct-{{account}}"{{failFirst}}}""");
        }

        await Send("Plan Instance", "Update", 7, """{"broken":"ERROR_BUILDING_TIERS_FROM_CUSTOM_RATES_FROM_BILLING"}""");
        var added = await CountAsync() - before;
        output.WriteLine(added == sent
            ? $"   ingested {sent} messages"
            : $"   ingested {added} new messages; the other {sent - added} were kept from an earlier run and not processed again (same event id)");
        foreach (var left in await reprocessor.ResumeAsync(client, SyncDomain.Account))
        {
            output.WriteLine($"   resumed operation {left.Id:N} that an earlier run left running: {left.Processed} records counted since its last saved batch, {left.Skipped} caught mid-way left ERROR (never run twice)");
        }

        await PrintSummary("summary before");

        var top = (await syncLog.SummaryAsync(client, SyncDomain.Account)).OrderByDescending(r => r.Count).First();
        foreach (var row in (await syncLog.ErrorSummaryAsync(client, SyncDomain.Account, top.ObjectName, top.ActionName)).Take(3))
        {
            output.WriteLine($"     {top.ObjectName} / {top.ActionName} → {row.ErrorCode}: {row.Count} — resolution: {SyncErrorCatalog.Find(row.ErrorCode)?.Resolution}");
            var first = (await syncLog.ErrorRecordsAsync(client, SyncDomain.Account, row, max: 1))[0];
            output.WriteLine($"       e.g. record {first.Id}, account {first.AccountNumber}, event {first.EventId}, payload {first.Payload}");
        }

        stop.Armed = true;
        var result = await reprocessor.ReprocessAsync(client, SyncDomain.Account, SyncScope.All(), "ops", new InlineProgress(p =>
        {
            var done = p.Processed + p.Remaining == 0 ? 1 : (double)p.Processed / (p.Processed + p.Remaining);
            var bar = new string('#', (int)(done * 30)).PadRight(30, '.');
            output.WriteLine($"   reprocess all (prerequisites first) [{bar}] {p.Processed} processed, {p.Succeeded} ok, {p.Failed} failed, {p.Remaining} left");
        }));
        stop.Armed = false;
        output.WriteLine($"   done: {result.Value.Succeeded} completed, {result.Value.Failed} still failing — one pass, no manual ordering");
        await PrintSummary("what is left");
        output.WriteLine();

        async Task<long> CountAsync() =>
            (await syncLog.SearchAsync(new SyncSearch { Client = client, Domain = SyncDomain.Account, Page = PageRequest.First(1).Value })).Value.TotalCount ?? 0;

        async IAsyncEnumerable<SyncRecord> CompletedAsync()
        {
            var search = new SyncSearch { Client = client, Domain = SyncDomain.Account, Status = SyncStatus.Complete, Page = PageRequest.First(PageRequest.MaxSize).Value };
            for (var page = (await syncLog.SearchAsync(search)).Value; ; page = (await syncLog.SearchAsync(search with { Page = PageRequest.After(page.ContinuationToken, PageRequest.MaxSize).Value })).Value)
            {
                foreach (var record in page.Items)
                {
                    yield return record;
                }

                if (page.ContinuationToken is null)
                {
                    yield break;
                }
            }
        }

        async Task PrintSummary(string title)
        {
            output.WriteLine($"   {title}:");
            foreach (var row in await syncLog.SummaryAsync(client, SyncDomain.Account))
            {
                output.WriteLine($"     {row.ObjectName,-28} {row.ActionName,-7} {row.Count,4} errors");
            }
        }
    }

    private sealed class InlineProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }

    private async Task JobSchedules(TextWriter output)
    {
        var client = new ClientNumber(1000);
        var denver = zones["America/Denver"];
        output.WriteLine("6. Job schedules — a daily and a month-end schedule for a client in America/Denver");
        await schedules.SaveAsync(new ScheduleDefinition
        {
            Name = "daily", Client = client, Frequency = ScheduleFrequency.Daily, Time = new LocalTime(2, 30), TimeZoneId = denver.Id,
            Jobs =
            [
                new JobDefinition("Bill Time Usage Rating", JobTypes.UsageRating),
                new JobDefinition("Sync Transactions", JobTypes.SyncTransactions),
                new JobDefinition("Billing", JobTypes.Billing),
            ],
        }, "tour");
        var saved = await schedules.SaveAsync(new ScheduleDefinition
        {
            Name = "2 days before month-end", Client = client, Frequency = ScheduleFrequency.DaysBeforeMonthEnd(2), Time = new LocalTime(22, 0), TimeZoneId = denver.Id,
            Jobs = [new JobDefinition("Billing", JobTypes.Billing), new JobDefinition("Sync Transactions", JobTypes.SyncTransactions)],
        }, "tour");
        output.WriteLine($"   '{saved.Value.Name}' saved with a warning: {saved.Warnings[0].Message}");
        var daily = (await schedules.ResolveAsync(client, "daily"))!;
        var monthEnd = (await schedules.ResolveAsync(client, saved.Value.Name))!;
        var from = Instant.FromUtc(2025, 3, 7, 12, 0);
        foreach (var schedule in new[] { daily, monthEnd })
        {
            var runs = schedule.Calendar.Preview(from, 4)
                .Select(r => $"{r.StartsAt.InZone(denver):uuuu-MM-dd HH:mm}{(r.ShiftedBy == RunShift.None ? string.Empty : $" ({r.ShiftedBy})")}");
            output.WriteLine($"   next runs of '{schedule.Name}' after {from.InZone(denver):uuuu-MM-dd}: {string.Join(", ", runs)}");
        }

        output.WriteLine($"   refusing to remove the last daily billing schedule: {(await schedules.RemoveAsync(client, "daily")).Errors[0]}");

        var day = new LocalDate(2025, 2, 28);
        if ((await runStore.SearchRunsAsync(new RunSearch(client, day, day))).FirstOrDefault(r => r.Schedule == daily.Name) is { } kept)
        {
            output.WriteLine($"   (the store kept the run of {day:uuuu-MM-dd} from an earlier run, {kept.Status}: executing it again finishes only what is unfinished)");
        }

        var run = await runner.CreateRunAsync(daily, day, "manual");
        Show("run", (await runner.ExecuteAsync(client, run.Id)).Value);
        jobs.BillingCloudReachable = true;
        Show("schedule-level reprocess", (await runner.ReprocessScheduleAsync(client, run.Id)).Value);
        jobs.ContactFixed = true;
        Show("job-level reprocess of Billing", (await runner.ReprocessJobAsync(client, run.Id, 2)).Value);
        output.WriteLine($"   the core system's gate: {await runner.WaitForCompletionAsync(client, run.Id, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1))}");
        output.WriteLine();

        void Show(string title, ScheduleRun state)
        {
            var jobsText = string.Join(", ", state.Jobs.Select(j => $"{j.Name} {j.Status}{(j.Error is null ? string.Empty : $" ({j.Error})")}"));
            output.WriteLine($"   {title} for {state.RunDate:uuuu-MM-dd}: {state.Status} (batch_status_cd {(int)state.Status}) — {jobsText}");
        }
    }
}

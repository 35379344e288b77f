using Aria.Billing;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;
using Aria.Billing.Sample;
using Aria.Billing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The main job of the README: a realistic end-to-end tour of the packages, wired the way a host app wires them, on the
// embedded SQLite store. Options (all optional):
//   --database <file>   the SQLite file (default: Aria.Billing/aria-billing.db under the user's local application data)
//   --fresh             start from an empty database
//   --stop-after <n>    stop abruptly after n reprocessed records, as a crash would; run again to see it resume
//   --host <url>        do the tour through the typed client against a running reference host instead
//   --client-no <n> --auth-key <key>   who calls the host (default: the reference host's sample client 1000)
string? database = null;
string? hostUrl = null;
var clientNo = 1000L;
var authKey = "change-me-ops-key";
int? stopAfter = null;
var fresh = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--database" when i + 1 < args.Length:
            database = args[++i];
            break;
        case "--stop-after" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
            stopAfter = n;
            i++;
            break;
        case "--host" when i + 1 < args.Length && Uri.TryCreate(args[i + 1], UriKind.Absolute, out _):
            hostUrl = args[++i];
            break;
        case "--client-no" when i + 1 < args.Length && long.TryParse(args[i + 1], out var c) && c > 0:
            clientNo = c;
            i++;
            break;
        case "--auth-key" when i + 1 < args.Length:
            authKey = args[++i];
            break;
        case "--fresh":
            fresh = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --database <file>, --fresh, --stop-after <n>, --host <url> [--client-no <n>] [--auth-key <key>].");
            return 2;
    }
}

if (hostUrl is not null)
{
    var remote = Host.CreateApplicationBuilder();
    remote.Logging.SetMinimumLevel(LogLevel.Warning);
    remote.Services.AddAriaBilling();
    remote.Services.AddAriaBillingClient(o =>
    {
        o.BaseAddress = new Uri(hostUrl.EndsWith('/') ? hostUrl : hostUrl + "/");
        o.ClientNo = clientNo;
        o.AuthKey = authKey;
        o.PollInterval = TimeSpan.FromMilliseconds(200);
    });
    using var remoteHost = remote.Build();
    await remoteHost.StartAsync();
    var code = await ActivatorUtilities.CreateInstance<RemoteTour>(remoteHost.Services).RunAsync(Console.Out);
    await remoteHost.StopAsync();
    return code;
}

database = Path.GetFullPath(database ?? SqliteStorageOptions.DefaultPath);
if (fresh)
{
    foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
    {
        File.Delete(file);
    }
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Aria.Billing", LogLevel.None); // the tour prints what happens; raise this to see the packages' log events
builder.Services.Configure<InvoicingOptions>(o => (o.Defaults.CreditMemoNumbering.Affix, o.Defaults.RebillNumbering.Affix) = ("CM-", "RB-"));
builder.Services
    .AddAriaBilling(builder.Configuration.GetSection(AriaBillingOptions.SectionName))
    .AddPlans(builder.Configuration.GetSection(PlansOptions.SectionName))
    .AddSync(builder.Configuration.GetSection(SyncOptions.SectionName))
    .AddJobs()
    .AddJobHandler<SampleJobs>(JobTypes.UsageRating)
    .AddJobHandler<SampleJobs>(JobTypes.SyncTransactions)
    .AddJobHandler<SampleJobs>(JobTypes.Billing)
    .AddInvoicing(builder.Configuration.GetSection(InvoicingOptions.SectionName))
    .UseSqlite(o => o.Path = database);
// One node: a stable runner id lets a restarted tour take its unfinished operation back at once (no lease to wait out).
builder.Services.PostConfigure<SyncOptions>(o => o.RunnerId = $"sample-console@{Environment.MachineName}");
// The tour calls each engine itself and prints what it did, so the packages' background duties (schedule driver, due
// plan changes, sync recovery — on by default in a host) are off here; the reference host runs them.
builder.Services.PostConfigure<SyncOptions>(o => o.RecoverOperations = false);
builder.Services.PostConfigure<PlanChangeQueueOptions>(o => o.ProcessDueInBackground = false);
builder.Services.PostConfigure<ScheduleDriverOptions>(o => (o.Enabled, o.RecoverRuns) = (false, false));
builder.Services.AddSingleton(new StopSwitch(stopAfter));
builder.Services.AddSingleton<SampleRatingEngine>();
builder.Services.AddSingleton<ISyncRecordHandler>(sp => sp.GetRequiredService<SampleRatingEngine>());
builder.Services.AddSingleton<SampleBillingSystem>();
builder.Services.AddSingleton<IPlanInstanceDirectory>(sp => sp.GetRequiredService<SampleBillingSystem>());
builder.Services.AddSingleton<IPlanChangeApplier>(sp => sp.GetRequiredService<SampleBillingSystem>());
builder.Services.AddSingleton<IInvoicingDirectory>(sp => sp.GetRequiredService<SampleBillingSystem>());

using var host = builder.Build();
await host.StartAsync(); // validates the options: a bad AriaBilling:TimeZoneId stops here with a message naming it

var tour = ActivatorUtilities.CreateInstance<Tour>(host.Services);
await tour.RunAsync(Console.Out);
var background = await BackgroundTour.RunAsync(Console.Out); // chapter 7, on a host of its own

// Chapter 8 on the tour's host again. The ledger is the storage's when it keeps invoices (UseSqlite then replaces the
// in-memory store), else in memory for this run.
var ledger = host.Services.GetRequiredService<IInvoiceLedgerStore>() is InMemoryInvoiceLedgerStore
    ? "in memory (InMemoryInvoiceLedgerStore), kept for this run only"
    : $"the tour's SQLite database ({database}), kept across runs";
var invoiced = await InvoicingTour.RunAsync(ActivatorUtilities.CreateInstance<LocalInvoicing>(host.Services), Console.Out, 8, new ClientNumber(1000), ledger);
await host.StopAsync();

return background && invoiced ? 0 : 1;

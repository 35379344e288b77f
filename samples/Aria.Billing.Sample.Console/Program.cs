using Aria.Billing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;
using Aria.Billing.Sample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The main job of the README: a realistic end-to-end tour of the packages, wired the way a host app wires them.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Aria.Billing", LogLevel.None); // the tour prints what happens; raise this to see the packages' log events
builder.Services
    .AddAriaBilling(builder.Configuration.GetSection(AriaBillingOptions.SectionName))
    .AddPlans(builder.Configuration.GetSection(PlansOptions.SectionName))
    .AddSync(builder.Configuration.GetSection(SyncOptions.SectionName))
    .AddJobs()
    .AddJobHandler<SampleJobs>(JobTypes.UsageRating)
    .AddJobHandler<SampleJobs>(JobTypes.SyncTransactions)
    .AddJobHandler<SampleJobs>(JobTypes.Billing);
builder.Services.AddSingleton<ISyncRecordHandler, SampleRatingEngine>();
builder.Services.AddSingleton<SampleBillingSystem>();
builder.Services.AddSingleton<IPlanInstanceDirectory>(sp => sp.GetRequiredService<SampleBillingSystem>());
builder.Services.AddSingleton<IPlanChangeApplier>(sp => sp.GetRequiredService<SampleBillingSystem>());

using var host = builder.Build();
await host.StartAsync(); // validates the options: a bad AriaBilling:TimeZoneId stops here with a message naming it

var tour = ActivatorUtilities.CreateInstance<Tour>(host.Services);
await tour.RunAsync(Console.Out);

await host.StopAsync();

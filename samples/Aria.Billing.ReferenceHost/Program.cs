using System.Text.Json;
using System.Text.Json.Serialization;
using Aria.Billing;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.ReferenceHost.Api;
using Aria.Billing.ReferenceHost.Background;
using Aria.Billing.ReferenceHost.Demo;
using Aria.Billing.ReferenceHost.Endpoints;
using Aria.Billing.ReferenceHost.Operator;
using Aria.Billing.ReferenceHost.Security;
using Aria.Billing.Sync;

// The reference host: the packages over HTTP, wired only through AddAriaBilling(). SQLite by default;
// AriaHost:Storage=PostgreSql with AriaHost:PostgreSql:ConnectionString for several nodes.
if (args is ["hash-key", ..])
{
    HostKeyHash.Run(args, Console.Out); // the hash a new key is configured by (AriaHost:Clients:…:KeyHash)
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(o =>
{
    o.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
    o.AddServerHeader = false; // issue #15 item 8: no Server header telling what runs here
});
builder.Services.AddOptions<HostSecurityOptions>().Bind(builder.Configuration.GetSection(HostSecurityOptions.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<HostSecurityOptions>, HostSecurityOptionsValidator>(); // hashes only; sample keys in Development only
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    o.SerializerOptions.AllowDuplicateProperties = false; // issue #15 item 8: {"level":"record","level":"all"} is a coded 400, not the last one winning
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // unreadable input → coded 400 (RequestLimits)
builder.Services.AddHostOpenApi(); // the contract: security scheme, problem details, checked in as openapi/v1.json
builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage").AddCheck<BackgroundQueueHealthCheck>("background-queue");
// Issue #15 item 5: a SIGTERM stops the host within this time (background work observes the stopping token).
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("AriaHost:ShutdownTimeout", TimeSpan.FromSeconds(15)));
builder.Services.AddClientRateLimits(builder.Configuration);

var billing = builder.Services
    .AddAriaBilling(builder.Configuration.GetSection(AriaBillingOptions.SectionName))
    .AddSync(builder.Configuration.GetSection(SyncOptions.SectionName))
    .AddPlans(builder.Configuration.GetSection(Aria.Billing.Plans.PlansOptions.SectionName))
    .AddJobs(builder.Configuration.GetSection(JobRunnerOptions.SectionName))
    .AddInvoicing(builder.Configuration.GetSection(InvoicingOptions.SectionName))
    .AddJobHandler<DemoBillingSystem>(JobTypes.UsageRating)
    .AddJobHandler<DemoBillingSystem>(JobTypes.SyncTransactions)
    .AddJobHandler<DemoBillingSystem>(JobTypes.Billing); // registers the one DemoBillingSystem the interfaces below share
if (string.Equals(builder.Configuration["AriaHost:Storage"], "PostgreSql", StringComparison.OrdinalIgnoreCase))
{
    billing.UsePostgreSql(o => o.ConnectionString = builder.Configuration["AriaHost:PostgreSql:ConnectionString"] ?? "");
}
else
{
    billing.UseSqlite(o => o.Path = builder.Configuration["AriaHost:Sqlite:Path"]);
}

builder.Services.AddSingleton<DemoInvocationLog>(); // the chaos test's invocation counts (AriaHost:Demo:InvocationLog; off by default)
builder.Services.AddSingleton<IPlanInstanceDirectory>(sp => sp.GetRequiredService<DemoBillingSystem>());
builder.Services.AddSingleton<IPlanChangeApplier>(sp => sp.GetRequiredService<DemoBillingSystem>());
builder.Services.AddSingleton<ISyncRecordHandler>(sp => sp.GetRequiredService<DemoBillingSystem>());
builder.Services.AddSingleton<IInvoicingDirectory>(sp => sp.GetRequiredService<DemoBillingSystem>());
builder.Services.AddSingleton<Aria.Billing.Plans.IReplacePlanFactsSource, DemoReplacePlanFacts>(); // accounts, instances and catalog for /plans/replace/validate
builder.Services.AddOptions<BackgroundWorkOptions>().Bind(builder.Configuration.GetSection(BackgroundWorkOptions.SectionName))
    .Validate(o => !o.Problems().Any(), "AriaHost:Background is not valid (Concurrency 1-64, PerClientConcurrency 1-Concurrency, PerClientCapacity 1-10000, Capacity 1-100000).")
    .ValidateOnStart();
builder.Services.AddSingleton<BackgroundWork>();
builder.Services.AddHostedService<BackgroundWorker>();

var app = builder.Build();
app.UseMiddleware<ResponseHeaders>();
app.UseStatusCodePages(ApiErrors.WriteBodilessStatusAsync); // a bare 404/405/415 of the framework: coded problem details too
app.UseOperatorConsole(); // the console's static files (wwwroot/operator), with ETags, before the limits of the API
app.UseMiddleware<RequestLimits>();
app.UseClientRateLimits();
app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapSyncEndpoints();
app.MapPlanEndpoints();
app.MapJobEndpoints();
app.MapInvoiceEndpoints();
app.MapConsoleEndpoints();
app.Run();

/// <summary>The reference host's entry point (public for the integration tests' WebApplicationFactory).</summary>
public partial class Program;

using Aria.Billing.ReferenceHost.Tests;
using Xunit.Abstractions;

namespace Aria.Billing.LoadRun;

/// <summary>
/// The load run: 50 clients for ARIA_BILLING_LOAD_SECONDS seconds on SQLite, and on PostgreSQL when ARIA_BILLING_TEST_POSTGRES
/// names a server (30 s unless ARIA_BILLING_LOAD_SECONDS says otherwise); requests per second and latencies go to the test
/// output. This project is outside Aria.Billing.sln, so <c>dotnet test</c> of the solution never runs it:
/// <c>benchmarks/load/host-load.sh</c> does.
/// </summary>
public sealed class HostLoadRun(ITestOutputHelper output)
{
    [Fact]
    public async Task FiftyClients_NoServerErrors_NothingLostOrDuplicated()
    {
        var seconds = Environment.GetEnvironmentVariable(HostLoad.SecondsVariable) is { Length: > 0 } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 30;
        var duration = TimeSpan.FromSeconds(seconds);
        await HostLoad.RunAsync(output, null, "SQLite", 50, duration);
        if (Environment.GetEnvironmentVariable("ARIA_BILLING_TEST_POSTGRES") is { Length: > 0 } server)
        {
            await HostLoad.RunAsync(output, await HostLoad.NewSchemaAsync(server), "PostgreSQL", 50, duration);
        }
    }
}

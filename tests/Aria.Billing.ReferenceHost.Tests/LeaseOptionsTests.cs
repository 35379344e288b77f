using Aria.Billing.Jobs;
using Aria.Billing.Sync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aria.Billing.ReferenceHost.Tests;

// Issue #15 item 9: the recovery delays are options of the host (a run stayed blocked 301 s after kill -9 with the fixed
// 5-minute work-item lease): the job work-item lease and the sync operation and PENDING leases come from configuration.
public sealed class LeaseOptionsTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public LeaseOptionsTests(HostFactory host) => _host = host;

    [Fact]
    public void Leases_AreTakenFromTheHostsConfiguration()
    {
        using var tuned = _host.WithWebHostBuilder(b => b
            .UseSetting("AriaBilling:Jobs:Lease", "00:00:20")
            .UseSetting("AriaBilling:Sync:OperationLease", "00:00:15")
            .UseSetting("AriaBilling:Sync:PendingLease", "00:00:45"));

        Assert.Equal(TimeSpan.FromSeconds(20), tuned.Services.GetRequiredService<IOptions<JobRunnerOptions>>().Value.Lease);
        var sync = tuned.Services.GetRequiredService<IOptions<SyncOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(45)), (sync.OperationLease, sync.PendingLease));
        Assert.Equal(TimeSpan.FromMinutes(5), _host.Services.GetRequiredService<IOptions<JobRunnerOptions>>().Value.Lease);
    }
}

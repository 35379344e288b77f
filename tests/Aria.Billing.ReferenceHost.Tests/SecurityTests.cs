using System.Net;
using Aria.Billing.ReferenceHost.Security;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: replace-acct-plan-m.txt, error 1004 "authentication error"; release-6.50.txt, roles with read/create/edit/delete.
public sealed class SecurityTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public SecurityTests(HostFactory host) => _host = host;

    [Fact]
    public async Task EveryEndpoint_WithoutAKey_Is401With1004()
    {
        var anonymous = _host.CreateClient();
        foreach (var endpoint in EndpointTable.All)
        {
            var response = await EndpointTable.SendAsync(anonymous, endpoint);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint.Method} {endpoint.Path}: {response.StatusCode}");
            Assert.Equal(["1004"], await response.CodesAsync());
        }
    }

    [Fact]
    public async Task WrongKey_OrAnotherClientsKey_Is401()
    {
        foreach (var caller in new[] { _host.As(1000, "wrong"), _host.As(2000, "ops-key"), _host.As(3000, "ops-key"), _host.As(1000, "") })
        {
            var response = await caller.GetAsync("/sync/account/summary");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(["1004"], await response.CodesAsync());
        }
    }

    [Fact]
    public async Task Viewer_ReadsEverything_ChangesNothing()
    {
        var viewer = _host.As(1000, "viewer-key");
        foreach (var endpoint in EndpointTable.All)
        {
            var response = await EndpointTable.SendAsync(viewer, endpoint);

            if (endpoint.Access == HostAccess.Read)
            {
                Assert.True(response.StatusCode is not HttpStatusCode.Forbidden and not HttpStatusCode.Unauthorized, $"{endpoint.Method} {endpoint.Path}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint.Method} {endpoint.Path}: {response.StatusCode}");
                Assert.Equal(["ACCESS_DENIED"], await response.CodesAsync());
            }
        }

        Assert.Empty((await (await viewer.GetAsync("/sync/account/records")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task EditOnSync_ImpliesRead_ButNotCreateOrDelete_NorOtherModules()
    {
        var editor = _host.As(1000, "sync-editor-key");
        foreach (var endpoint in EndpointTable.All)
        {
            var response = await EndpointTable.SendAsync(editor, endpoint);
            var allowed = endpoint.Module == HostModule.Sync && endpoint.Access is HostAccess.Read or HostAccess.Edit;

            Assert.True((response.StatusCode != HttpStatusCode.Forbidden) == allowed, $"{endpoint.Method} {endpoint.Path}: {response.StatusCode}");
        }
    }

    [Fact]
    public void May_CreateEditOrDeleteImplyRead()
    {
        foreach (var access in new[] { HostAccess.Create, HostAccess.Edit, HostAccess.Delete })
        {
            var caller = new Caller(new ClientNumber(1), "x", new Dictionary<HostModule, HostAccess> { [HostModule.Jobs] = access });

            Assert.True(caller.May(HostModule.Jobs, HostAccess.Read));
            Assert.True(caller.May(HostModule.Jobs, access));
            Assert.False(caller.May(HostModule.Sync, HostAccess.Read));
        }
    }
}

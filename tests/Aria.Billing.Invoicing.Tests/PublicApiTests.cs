using Aria.Billing.Testing.PublicApi;

namespace Aria.Billing.Invoicing.Tests;

/// <summary>The package's public surface equals the checked-in text (PublicApi/*.txt): a change of the surface is a visible diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_IsTheCheckedInSnapshot() =>
        Assert.Null(PublicApiSnapshot.Difference(typeof(Aria.Billing.Invoicing.Invoice).Assembly, PublicApiSnapshot.ProjectFolder("Aria.Billing.Invoicing.Tests")));
}

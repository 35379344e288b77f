using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Jobs.Tests.Storage;

public sealed class InMemoryJobScheduleStoreConformanceTests : JobScheduleStoreConformance
{
    protected override IJobScheduleStore CreateStore() => new InMemoryJobScheduleStore();
}

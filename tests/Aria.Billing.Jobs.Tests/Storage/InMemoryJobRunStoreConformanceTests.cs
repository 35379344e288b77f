using Aria.Billing.Jobs;
using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Jobs.Tests.Storage;

public sealed class InMemoryJobRunStoreConformanceTests : JobRunStoreConformance
{
    protected override IJobRunStore CreateStore() => new InMemoryJobRunStore();
}

using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Plans.Tests.Queue;

public sealed class InMemoryPlanChangeStoreConformanceTests : PlanChangeStoreConformance
{
    protected override IPlanChangeStore CreateStore() => new InMemoryPlanChangeStore();
}

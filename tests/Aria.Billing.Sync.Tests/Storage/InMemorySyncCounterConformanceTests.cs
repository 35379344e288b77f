using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Sync.Tests.Storage;

public sealed class InMemorySyncCounterConformanceTests : SyncCounterConformance
{
    protected override ISyncRecordStore CreateStore() => new InMemorySyncRecordStore();
}

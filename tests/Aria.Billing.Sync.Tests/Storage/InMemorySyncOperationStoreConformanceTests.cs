using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Sync.Tests.Storage;

public sealed class InMemorySyncOperationStoreConformanceTests : SyncOperationStoreConformance
{
    protected override ISyncOperationStore CreateStore() => new InMemorySyncOperationStore();
}

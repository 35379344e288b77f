using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Sync.Tests.Storage;

public sealed class InMemorySyncRecordStoreConformanceTests : SyncRecordStoreConformance
{
    protected override ISyncRecordStore CreateStore() => new InMemorySyncRecordStore();
}

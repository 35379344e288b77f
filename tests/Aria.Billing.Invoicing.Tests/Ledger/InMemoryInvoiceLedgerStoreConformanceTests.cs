using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Invoicing.Tests.Ledger;

public sealed class InMemoryInvoiceLedgerStoreConformanceTests : InvoiceLedgerStoreConformance
{
    protected override IInvoiceLedgerStore CreateStore() => new InMemoryInvoiceLedgerStore();
}

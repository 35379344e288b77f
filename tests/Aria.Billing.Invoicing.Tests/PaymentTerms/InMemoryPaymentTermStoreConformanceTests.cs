using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Invoicing.Tests.PaymentTerms;

public sealed class InMemoryPaymentTermStoreConformanceTests : PaymentTermStoreConformance
{
    protected override IPaymentTermStore CreateStore() => new InMemoryPaymentTermStore();
}

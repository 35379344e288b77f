using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Invoicing.Tests.PaymentTerms;

// spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), create_payment_terms_m and delete_payment_terms_m, on the in-memory store.
public sealed class InMemoryPaymentTermStoreConformanceTests : PaymentTermStoreConformance
{
    protected override IPaymentTermStore CreateStore() => new InMemoryPaymentTermStore();
}

using Xunit;
using Xunit.Sdk;

namespace Aria.Billing.Testing.Skipping;

/// <summary>
/// A fact that is skipped, with the reason shown, when its class carries <see cref="RequiresEnvironmentAttribute"/> and the
/// variable is not set. The conformance suites use it, so one suite runs on every store and reports honestly where a store
/// is not available.
/// </summary>
[XunitTestCaseDiscoverer("Aria.Billing.Testing.Skipping.StoreFactDiscoverer", "Aria.Billing.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

using Xunit.Abstractions;
using Xunit.Sdk;

namespace Aria.Billing.Testing.Skipping;

/// <summary>A test case skipped when the environment variable its class requires is not set.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    /// <summary>For the deserialiser only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    /// <summary>A case for <paramref name="testMethod"/>.</summary>
    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        foreach (var requirement in TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute).AssemblyQualifiedName))
        {
            var variable = requirement.GetNamedArgument<string>(nameof(RequiresEnvironmentAttribute.Variable))
                ?? (string)requirement.GetConstructorArguments().First();
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
            {
                return $"{variable} is not set: no server for this store (.ci/run starts one).";
            }
        }

        return base.GetSkipReason(factAttribute);
    }
}

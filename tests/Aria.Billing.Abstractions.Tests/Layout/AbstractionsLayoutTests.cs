using System.Reflection;

namespace Aria.Billing.Abstractions.Tests.Layout;

/// <summary>
/// The bottom package is the vocabulary and the DI root only: nothing of a feature lives in it (identifiers such as
/// <see cref="PlanInstanceNumber"/> are vocabulary).
/// </summary>
public sealed class AbstractionsLayoutTests
{
    private static readonly string[] FeatureWords = ["Sync", "Job", "Schedule", "Run", "WorkItem", "Batch", "PlanChange", "Usage", "Invoice", "Rating"];

    private static readonly string[] Namespaces = ["Aria.Billing", "Aria.Billing.DependencyInjection", "Microsoft.Extensions.DependencyInjection"];

    [Fact]
    public void ExportedTypes_BelongToNoFeature()
    {
        var exported = typeof(Money).Assembly.GetExportedTypes();

        Assert.NotEmpty(exported);
        Assert.All(exported, t => Assert.Contains(t.Namespace, Namespaces));
        var featureNamed = exported.Where(t => FeatureWords.Any(w => t.Name.Contains(w, StringComparison.Ordinal))).Select(t => t.FullName).ToArray();
        Assert.Empty(featureNamed);
    }

    [Fact]
    public void Assembly_ReferencesNoFeaturePackage()
    {
        var references = typeof(Money).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Aria.", StringComparison.Ordinal));

        Assert.Empty(references);
    }
}

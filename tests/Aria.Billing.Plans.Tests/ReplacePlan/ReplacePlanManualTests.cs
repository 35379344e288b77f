namespace Aria.Billing.Plans.Tests.ReplacePlan;

// spec: replace-acct-plan-m.txt, "Error Codes" (the table the code-table test parses).

/// <summary>The embedded copy of the manual's error-code table is the spec's, whole.</summary>
public sealed class ReplacePlanManualTests
{
    [Fact]
    public void Embedded_HoldsTheEightyNineCodesOfTheManual()
    {
        Assert.Equal(89, ReplacePlanManual.Codes.Count);
        Assert.Equal([1001, 1004, 1009], ReplacePlanManual.Codes.Take(3));
        Assert.Equal(29005, ReplacePlanManual.Codes[^1]);
        Assert.Contains("Invalid Plan instance number", ReplacePlanManual.Entry(14046), StringComparison.Ordinal);
    }

    /// <summary>
    /// Where the spec folder is at hand (../shared/spec beside the repository, or ARIA_BILLING_SPEC_DIR), the embedded table
    /// is its table entry for entry, so that a change of the manual shows up here.
    /// </summary>
    [Fact]
    public void Embedded_IsTheSpecFilesTable_WhenTheSpecIsAtHand()
    {
        if (SpecFile() is not { } path)
        {
            return;
        }

        var spec = File.ReadAllText(path);
        var table = spec[spec.IndexOf("\nError Codes", StringComparison.Ordinal)..];
        var fromSpec = ReplacePlanManual.Parse(table.Replace("  • Was this article helpful?", "", StringComparison.Ordinal));

        Assert.Equal(fromSpec.Keys.Order(), ReplacePlanManual.Codes);
        Assert.All(ReplacePlanManual.Codes, code => Assert.Equal(fromSpec[code], ReplacePlanManual.Entry(code)));
    }

    private static string? SpecFile()
    {
        if (Environment.GetEnvironmentVariable("ARIA_BILLING_SPEC_DIR") is { Length: > 0 } folder)
        {
            return Path.Combine(folder, "replace-acct-plan-m.txt");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aria.Billing.sln")))
            {
                var path = Path.Combine(dir.FullName, "..", "shared", "spec", "replace-acct-plan-m.txt");
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}

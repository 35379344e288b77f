using System.Reflection;

namespace Aria.Billing.Testing.PublicApi;

/// <summary>
/// Compares an assembly's public surface with the text checked in beside the test project (<c>PublicApi/&lt;assembly&gt;.txt</c>),
/// so that any change of the surface is a visible diff. On a difference the new text is written next to it as
/// <c>.received.txt</c>; with <c>ARIA_BILLING_ACCEPT_API=1</c> the checked-in file is overwritten instead (a change on purpose).
/// </summary>
public static class PublicApiSnapshot
{
    /// <summary>The environment variable that accepts a changed surface.</summary>
    public const string AcceptVariable = "ARIA_BILLING_ACCEPT_API";

    /// <summary>
    /// How <paramref name="assembly"/>'s surface differs from the checked-in text of the test project at
    /// <paramref name="testProjectFolder"/>: null when it does not (or when the change was accepted), else what is gone and new.
    /// </summary>
    public static string? Difference(Assembly assembly, string testProjectFolder)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var expectedPath = Path.Combine(testProjectFolder, "PublicApi", assembly.GetName().Name + ".txt");
        var receivedPath = Path.ChangeExtension(expectedPath, ".received.txt");
        var actual = PublicApiText.Of(assembly);
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return null;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return null;
        }

        File.WriteAllText(receivedPath, actual);
        var missing = (expected ?? "").Split('\n').Except(actual.Split('\n')).Take(10);
        var added = actual.Split('\n').Except((expected ?? "").Split('\n')).Take(10);
        return
            $"The public API of {assembly.GetName().Name} changed (new text in {receivedPath}; accept it with {AcceptVariable}=1).\n" +
            $"Gone:\n  {string.Join("\n  ", missing)}\nNew:\n  {string.Join("\n  ", added)}";
    }

    /// <summary>The folder of the test project whose sources call this (found from the build output upwards).</summary>
    public static string ProjectFolder(string projectName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", projectName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/{projectName} not found above {AppContext.BaseDirectory}");
    }
}

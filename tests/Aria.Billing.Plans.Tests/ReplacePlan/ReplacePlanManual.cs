using System.Globalization;
using System.Text.RegularExpressions;

namespace Aria.Billing.Plans.Tests.ReplacePlan;

/// <summary>
/// The error-code table of replace-acct-plan-m.txt, parsed at test time from a verbatim copy embedded in this assembly
/// (Manual/replace-acct-plan-m.error-codes.txt; <see cref="ReplacePlanManualTests"/> checks it against the spec file when the
/// spec folder is there). Each entry is its code and the text up to the next code: message, alternates, associated inputs.
/// </summary>
internal static partial class ReplacePlanManual
{
    private static readonly Lazy<IReadOnlyDictionary<int, string>> Table = new(() => Parse(Embedded()));

    /// <summary>The codes of the table, ascending.</summary>
    public static IReadOnlyList<int> Codes => [.. Table.Value.Keys.Order()];

    /// <summary>The text of <paramref name="code"/>'s entry, white space collapsed.</summary>
    public static string Entry(int code) => Table.Value[code];

    /// <summary>Whether <paramref name="code"/> is a code of the table.</summary>
    public static bool Has(int code) => Table.Value.ContainsKey(code);

    /// <summary>The entries of a text holding the table: from each line that starts with a code to the next.</summary>
    public static IReadOnlyDictionary<int, string> Parse(string text)
    {
        var entries = new Dictionary<int, string>();
        int? current = null;
        var lines = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var match = CodeLine().Match(line);
            if (match.Success)
            {
                Flush();
                current = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            lines.Add(line);
        }

        Flush();
        return entries;

        void Flush()
        {
            if (current is { } code)
            {
                var text = Collapse(string.Join(" ", lines));
                entries[code] = entries.TryGetValue(code, out var earlier) ? earlier + " " + text : text; // alternates repeat the code
            }

            lines.Clear();
        }
    }

    /// <summary>Runs of white space as one space, trimmed.</summary>
    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>The embedded copy of the table.</summary>
    public static string Embedded()
    {
        using var stream = typeof(ReplacePlanManual).Assembly.GetManifestResourceStream("replace-acct-plan-m.error-codes.txt")
            ?? throw new InvalidOperationException("The embedded error-code table of replace-acct-plan-m.txt is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4,5})(?::|\s)")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

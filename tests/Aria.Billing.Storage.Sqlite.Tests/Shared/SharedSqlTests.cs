using System.Text.RegularExpressions;

namespace Aria.Billing.Storage.Sqlite.Tests.Shared;

/// <summary>
/// The shared SQL reads columns by name or named ordinal and takes status and state values from the feature enums, so that
/// a column or an enum value cannot drift away from the statements that use it.
/// </summary>
public sealed partial class SharedSqlTests
{
    [Fact]
    public void ColumnList_IsTheEnumInSnakeCase()
    {
        Assert.Equal("id, client, domain, aria_sync_id, event_id", string.Join(", ", SqlCommands.ColumnList<SyncRecordColumn>().Split(", ").Take(5)));
        Assert.Equal("claim_expires_at", SqlCommands.SnakeCase(nameof(PlanChangeColumn.ClaimExpiresAt)));
    }

    [Fact]
    public void ColumnLists_NameEveryColumnOnce()
    {
        foreach (var list in new[] { SyncRecordRows.Columns, PlanChangeRows.Columns, PaymentTermRows.Columns, SqlCommands.ColumnList<ScheduleRunColumn>(), SqlCommands.ColumnList<WorkItemColumn>(),
            InvoiceLedgerRows.InvoiceColumns, InvoiceLedgerRows.CreditMemoColumns })
        {
            var names = list.Split(", ");
            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void SharedSql_HasNoBareStatusValuesNorPositionalColumns()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Shared", "Storage");
        var offences = Directory.GetFiles(folder, "*.cs")
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (File: Path.GetFileName(file), Line: i + 1, Text: line)))
            .Where(l => BareValue().IsMatch(l.Text) || PositionalOrder().IsMatch(l.Text) || PositionalRead().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

        Assert.Empty(offences);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aria.Billing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Aria.Billing.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(status|state)\s*(=|<>|IN\s*\()\s*\d")]
    private static partial Regex BareValue();

    [GeneratedRegex(@"ORDER BY \d")]
    private static partial Regex PositionalOrder();

    /// <summary>A read by position, except the one column of <c>RETURNING id</c>.</summary>
    [GeneratedRegex(@"\br\.(Get\w+|IsDBNull)\((?!0\), cancellationToken)\d+\)")]
    private static partial Regex PositionalRead();
}

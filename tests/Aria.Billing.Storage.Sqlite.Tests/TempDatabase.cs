using Aria.Billing.Testing;
using Microsoft.Data.Sqlite;

namespace Aria.Billing.Storage.Sqlite.Tests;

/// <summary>A folder of throw-away database files, deleted with the test class.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aria-billing-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A path for a new database file in the folder.</summary>
    public string NewPath() => Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");

    /// <summary>A store on a new file.</summary>
    public SqliteStorage NewStorage(string? path = null) =>
        new(new SqliteStorageOptions { Path = path ?? NewPath() }, new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)));

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

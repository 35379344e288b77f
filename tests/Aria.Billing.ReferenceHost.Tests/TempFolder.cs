using Microsoft.Data.Sqlite;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>A new folder under the temp path for a test's database files; disposing lets go of SQLite's pooled handles and deletes it.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aria-billing-host-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A file of that name in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

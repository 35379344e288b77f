namespace Aria.Billing.Storage.Sqlite;

/// <summary>Where the SQLite store keeps its file and how it treats the schema (configuration section <c>AriaBilling:Sqlite</c>).</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "AriaBilling:Sqlite";

    /// <summary>
    /// The database file. Defaults to <see cref="DefaultPath"/>; its folder is created when missing. Ignored when
    /// <see cref="ConnectionString"/> is set.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>A full Microsoft.Data.Sqlite connection string, for what <see cref="Path"/> cannot say (for example a shared in-memory database).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether the schema is brought to the latest version when the host starts (and, without a host, on first use).
    /// Default <see langword="true"/>. When false, call <see cref="SqliteStorage.MigrateAsync"/> yourself, for example
    /// from a deployment step.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long a statement waits for another process's write lock before failing. Default 30 s; 0 to 10 minutes.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The default database file: <c>Aria.Billing/aria-billing.db</c> under the user's local application data folder.</summary>
    public static string DefaultPath { get; } = System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } data
            ? data
            : AppContext.BaseDirectory,
        "Aria.Billing",
        "aria-billing.db");

    /// <summary>The rules of these options, checked by <c>UseSqlite</c> when the host starts and by <see cref="SqliteStorage"/>.</summary>
    internal static OptionRules<SqliteStorageOptions> Rules { get; } = new OptionRules<SqliteStorageOptions>(SectionName)
        .InRange(nameof(BusyTimeout), o => o.BusyTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(10))
        .Must(o => o.ConnectionString is null && o.Path is { } path && string.IsNullOrWhiteSpace(path)
            ? $"{SectionName}:{nameof(Path)} is empty; it should name a file (or leave it unset for {nameof(DefaultPath)})."
            : null);
}

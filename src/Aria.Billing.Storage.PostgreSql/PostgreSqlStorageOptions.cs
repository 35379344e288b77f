namespace Aria.Billing.Storage.PostgreSql;

/// <summary>Which PostgreSQL database the store uses and how it treats the schema (configuration section <c>AriaBilling:PostgreSql</c>).</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db;Database=billing;Username=aria;Password=…</c>. Required. Tables are
    /// created in the connection's first search-path schema (set <c>Search Path=</c> to use another).
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Whether the schema is brought to the latest version when the host starts (and, without a host, on first use).
    /// Default <see langword="true"/>; several nodes starting at once migrate once (an advisory lock serialises them).
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}

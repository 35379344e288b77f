namespace Aria.Billing.Storage.PostgreSql;

/// <summary>Which PostgreSQL database the store uses and how it treats the schema (configuration section <c>AriaBilling:PostgreSql</c>).</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "AriaBilling:PostgreSql";

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

    /// <summary>The rules of these options, checked by <c>UsePostgreSql</c> when the host starts and by <see cref="PostgreSqlStorage"/>.</summary>
    internal static OptionRules<PostgreSqlStorageOptions> Rules { get; } = new OptionRules<PostgreSqlStorageOptions>(SectionName)
        .Required(nameof(ConnectionString), o => o.ConnectionString, "be an Npgsql connection string (Host=…;Database=…;Username=…)")
        .Must(o => string.IsNullOrWhiteSpace(o.ConnectionString) ? null : ConnectionStringProblem(o.ConnectionString));

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            // The value may hold a password: name the problem, not the value.
            return $"{SectionName}:{nameof(ConnectionString)} is not a valid Npgsql connection string ({ex.Message}).";
        }
    }
}

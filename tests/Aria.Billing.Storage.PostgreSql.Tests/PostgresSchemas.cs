using Aria.Billing.Testing;
using Aria.Billing.Testing.Skipping;
using Npgsql;

namespace Aria.Billing.Storage.PostgreSql.Tests;

/// <summary>
/// Throw-away schemas on the server named by <see cref="Variable"/> (the cluster .ci/run starts): each store gets a
/// schema of its own, dropped with the test class.
/// </summary>
public sealed class PostgresSchemas : IDisposable
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string Variable = "ARIA_BILLING_TEST_POSTGRES";

    private readonly List<string> _schemas = [];
    private readonly List<PostgreSqlStorage> _stores = [];

    /// <summary>The server's connection string.</summary>
    public static string Server => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set; [{nameof(RequiresEnvironmentAttribute)}] should have skipped this test.");

    /// <summary>A connection string whose search path is a new, empty schema.</summary>
    public string NewSchema()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            command.ExecuteNonQuery();
        }

        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>A store on a new schema.</summary>
    public PostgreSqlStorage NewStorage(string? connectionString = null)
    {
        var storage = new PostgreSqlStorage(
            new PostgreSqlStorageOptions { ConnectionString = connectionString ?? NewSchema() }, new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)));
        _stores.Add(storage);
        return storage;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (_schemas.Count == 0)
        {
            return;
        }

        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        foreach (var schema in _schemas)
        {
            using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            command.ExecuteNonQuery();
        }
    }
}

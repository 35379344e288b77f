using System.Data.Common;

namespace Aria.Billing.Storage;

/// <summary>Schedule definitions in a relational database, one row per client and name.</summary>
internal sealed class SqlJobScheduleStore(SqlDatabase database) : IJobScheduleStore
{
    private const string Columns = "client, name, definition, saved_at, saved_by";

    /// <inheritdoc />
    public Task SaveAsync(StoredSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                $"INSERT INTO job_schedule ({Columns}) VALUES (@client, @name, @definition, @saved_at, @saved_by) " +
                "ON CONFLICT (client, name) DO UPDATE SET definition = excluded.definition, saved_at = excluded.saved_at, saved_by = excluded.saved_by")
                .With("client", schedule.Client.Value).With("name", schedule.Name).With("definition", schedule.Definition)
                .With("saved_at", SqlCommands.Ticks(schedule.SavedAt)).With("saved_by", schedule.SavedBy);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredSchedule?> GetAsync(ClientNumber client, string name, CancellationToken cancellationToken = default) =>
        database.Unmatchable(name) ? Task.FromResult<StoredSchedule?>(null) : database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM job_schedule WHERE client = @client AND name = @name")
                .With("client", client.Value).With("name", name);
            return await command.FirstOrDefaultAsync(Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSchedule>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<StoredSchedule>>(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM job_schedule WHERE client = @client").With("client", client.Value);
            var found = await command.ListAsync(Read, cancellationToken).ConfigureAwait(false);
            return [.. found.OrderBy(s => s.Name, StringComparer.Ordinal)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSchedule>> ListAllAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<StoredSchedule>>(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM job_schedule");
            var found = await command.ListAsync(Read, cancellationToken).ConfigureAwait(false);
            return [.. found.OrderBy(s => s.Client).ThenBy(s => s.Name, StringComparer.Ordinal)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(ClientNumber client, string name, CancellationToken cancellationToken = default) =>
        database.Unmatchable(name) ? Task.FromResult(false) : database.WriteAsync(async connection =>
        {
            await using var command = connection.Command("DELETE FROM job_schedule WHERE client = @client AND name = @name")
                .With("client", client.Value).With("name", name);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    private static StoredSchedule Read(DbDataReader r) =>
        new(new ClientNumber(r.GetInt64(r.GetOrdinal("client"))), r.GetString(r.GetOrdinal("name")), r.GetString(r.GetOrdinal("definition")),
            r.GetInstant(r.GetOrdinal("saved_at")), r.GetString(r.GetOrdinal("saved_by")));
}

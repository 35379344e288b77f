using System.Data.Common;

namespace Aria.Billing.Storage;

/// <summary>
/// Schedule definitions in a relational database, one row per client and name, the definition in the Jobs package's text
/// form (<see cref="ScheduleDefinition.ToJson"/>). A save or delete that must keep the client's daily billing schedule locks
/// the client's rows first (PostgreSQL; SQLite writes one at a time), then checks and writes in the same transaction.
/// </summary>
internal sealed class SqlJobScheduleStore(SqlDatabase database) : IJobScheduleStore
{
    private const string Columns = "client, name, definition, saved_at, saved_by";

    /// <inheritdoc />
    public Task<ScheduleStoreOutcome> SaveAsync(StoredSchedule schedule, bool keepDailyBilling = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return database.TransactionAsync(async (connection, transaction) =>
        {
            if (keepDailyBilling && !schedule.Definition.IsDailyBilling
                && await IsLastDailyBillingAsync(connection, transaction, schedule.Client, schedule.Name, cancellationToken).ConfigureAwait(false))
            {
                return ScheduleStoreOutcome.LastDailyBilling;
            }

            await using var command = connection.Command(
                $"INSERT INTO job_schedule ({Columns}) VALUES (@client, @name, @definition, @saved_at, @saved_by) " +
                "ON CONFLICT (client, name) DO UPDATE SET definition = excluded.definition, saved_at = excluded.saved_at, saved_by = excluded.saved_by", transaction)
                .With("client", schedule.Client.Value).With("name", schedule.Name).With("definition", schedule.Definition.ToJson())
                .With("saved_at", SqlCommands.Ticks(schedule.SavedAt)).With("saved_by", schedule.SavedBy);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return ScheduleStoreOutcome.Saved;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredSchedule?> GetAsync(ClientNumber client, string name, CancellationToken cancellationToken = default) =>
        database.Unmatchable(name) ? Task.FromResult<StoredSchedule?>(null) : database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM job_schedule WHERE client = @client AND name = @name")
                .With("client", client.Value).With("name", name);
            return (await command.ListAsync(Read, cancellationToken).ConfigureAwait(false)).OfType<StoredSchedule>().FirstOrDefault();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSchedule>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<StoredSchedule>>(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM job_schedule WHERE client = @client").With("client", client.Value);
            var found = await command.ListAsync(Read, cancellationToken).ConfigureAwait(false);
            return [.. found.OfType<StoredSchedule>().OrderBy(s => s.Name, StringComparer.Ordinal)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSchedule>> ListAllAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<StoredSchedule>>(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM job_schedule");
            var found = await command.ListAsync(Read, cancellationToken).ConfigureAwait(false);
            return [.. found.OfType<StoredSchedule>().OrderBy(s => s.Client).ThenBy(s => s.Name, StringComparer.Ordinal)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ScheduleStoreOutcome> DeleteAsync(ClientNumber client, string name, bool keepDailyBilling = false, CancellationToken cancellationToken = default) =>
        database.Unmatchable(name) ? Task.FromResult(ScheduleStoreOutcome.NotFound) : database.TransactionAsync(async (connection, transaction) =>
        {
            if (keepDailyBilling && await IsLastDailyBillingAsync(connection, transaction, client, name, cancellationToken).ConfigureAwait(false))
            {
                return ScheduleStoreOutcome.LastDailyBilling;
            }

            await using var command = connection.Command("DELETE FROM job_schedule WHERE client = @client AND name = @name", transaction)
                .With("client", client.Value).With("name", name);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1 ? ScheduleStoreOutcome.Deleted : ScheduleStoreOutcome.NotFound;
        }, cancellationToken);

    /// <summary>
    /// Whether <paramref name="name"/> is the client's only daily billing schedule, with the client's rows locked (in name
    /// order) until the transaction ends, so that two nodes cannot each remove one of the last two.
    /// </summary>
    private async Task<bool> IsLastDailyBillingAsync(DbConnection connection, DbTransaction transaction, ClientNumber client, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM job_schedule WHERE client = @client ORDER BY name{database.ForUpdate}", transaction)
            .With("client", client.Value);
        var schedules = (await command.ListAsync(Read, cancellationToken).ConfigureAwait(false)).OfType<StoredSchedule>().ToList();
        return schedules.Any(s => s.Name == name && s.Definition.IsDailyBilling)
            && !schedules.Any(s => s.Name != name && s.Definition.IsDailyBilling);
    }

    /// <summary>A row, or <see langword="null"/> when its definition cannot be read (such a row is left out of answers).</summary>
    private static StoredSchedule? Read(DbDataReader r)
    {
        var client = new ClientNumber(r.GetInt64(r.GetOrdinal("client")));
        var name = r.GetString(r.GetOrdinal("name"));
        return ScheduleDefinition.TryParseJson(client, name, r.GetString(r.GetOrdinal("definition")), out var definition)
            ? new StoredSchedule(definition, r.GetInstant(r.GetOrdinal("saved_at")), r.GetString(r.GetOrdinal("saved_by")))
            : null;
    }
}

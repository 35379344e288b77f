using System.Data.Common;

namespace Aria.Billing.Storage;

/// <summary>
/// Schedule runs and their work items in a relational database: one run per client, schedule and date (a unique
/// constraint), work items unique per job and key, claimed in batches under a lease by as many nodes as there are.
/// </summary>
internal sealed class SqlJobRunStore(SqlDatabase database) : IJobRunStore
{
    private static readonly string RunColumns = SqlCommands.ColumnList<ScheduleRunColumn>();

    private static readonly string ItemColumns = SqlCommands.ColumnList<WorkItemColumn>();

    /// <inheritdoc />
    public Task<(ScheduleRun Run, bool Created)> CreateRunAsync(ScheduleRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return database.WriteAsync(async connection =>
        {
            await using var insert = connection.Command(
                $"INSERT INTO schedule_run ({RunColumns}) VALUES (@id, @client, @schedule, @run_date, @status, @started_by, @created_at, @finished_at, @jobs, 1, @scheduled_at, @caught_up) " +
                $"ON CONFLICT (client, schedule, run_date) DO NOTHING RETURNING {RunColumns}")
                .With("id", run.Id).With("client", run.Client.Value).With("schedule", run.Schedule).With("run_date", SqlCommands.Day(run.RunDate))
                .With("status", (int)run.Status).With("started_by", run.StartedBy).With("created_at", SqlCommands.Ticks(run.CreatedAt))
                .With("finished_at", SqlCommands.Ticks(run.FinishedAt)).With("jobs", StorageJson.Jobs(run.Jobs))
                .With("scheduled_at", SqlCommands.Ticks(run.ScheduledAt)).With("caught_up", run.CaughtUp ? 1 : 0);
            if (await insert.FirstOrDefaultAsync(ReadRun, cancellationToken).ConfigureAwait(false) is { } created)
            {
                return (created, true);
            }

            await using var existing = connection.Command(
                $"SELECT {RunColumns} FROM schedule_run WHERE client = @client AND schedule = @schedule AND run_date = @run_date")
                .With("client", run.Client.Value).With("schedule", run.Schedule).With("run_date", SqlCommands.Day(run.RunDate));
            return ((await existing.FirstOrDefaultAsync(ReadRun, cancellationToken).ConfigureAwait(false))!, false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ScheduleRun?> GetRunAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {RunColumns} FROM schedule_run WHERE id = @id AND client = @client")
                .With("id", id).With("client", client.Value);
            return await command.FirstOrDefaultAsync(ReadRun, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The runs not ended, over a partial index of the New, Running and Incomplete rows.</summary>
    public Task<IReadOnlyList<ScheduleRun>> ListUnfinishedRunsAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ScheduleRun>>(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT {RunColumns} FROM schedule_run WHERE status IN ({(int)BatchStatus.New}, {(int)BatchStatus.Running}, {(int)BatchStatus.Incomplete}) ORDER BY run_date, client, schedule");
            return await command.ListAsync(ReadRun, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ScheduleRun?> UpdateRunAsync(ScheduleRun run, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                "UPDATE schedule_run SET status = @status, started_by = @started_by, finished_at = @finished_at, jobs = @jobs, version = version + 1 " +
                $"WHERE id = @id AND client = @client AND version = @expected RETURNING {RunColumns}")
                .With("status", (int)run.Status).With("started_by", run.StartedBy).With("finished_at", SqlCommands.Ticks(run.FinishedAt))
                .With("jobs", StorageJson.Jobs(run.Jobs)).With("id", run.Id).With("client", run.Client.Value).With("expected", expectedVersion);
            return await command.FirstOrDefaultAsync(ReadRun, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Runs in the date range from the database; the status and process-name filters look into each run's jobs.</summary>
    public Task<IReadOnlyList<ScheduleRun>> SearchRunsAsync(RunSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        return database.ReadAsync<IReadOnlyList<ScheduleRun>>(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT {RunColumns} FROM schedule_run WHERE client = @client AND run_date >= @from AND run_date <= @to ORDER BY run_date DESC")
                .With("client", search.Client.Value).With("from", SqlCommands.Day(search.From)).With("to", SqlCommands.Day(search.To));
            var runs = await command.ListAsync(ReadRun, cancellationToken).ConfigureAwait(false);
            return [.. runs
                .Where(r => search.Status is null || r.Status == search.Status || r.Jobs.Any(j => j.Status == search.Status))
                .Where(r => search.ProcessName is null || r.Jobs.Any(j => string.Equals(j.Name, search.ProcessName, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(r => r.RunDate).ThenBy(r => r.Schedule, StringComparer.Ordinal)];
        }, cancellationToken);
    }

    /// <summary>Inserts the keys not there yet in one set-based statement per call; returns how many were new.</summary>
    public Task<int> AddWorkItemsAsync(Guid runId, int jobIndex, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys as IReadOnlyCollection<string> ?? keys.ToArray();
        if (list.Count == 0)
        {
            return Task.FromResult(0);
        }

        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                $"INSERT INTO work_item (run_id, job_index, item_key, state, attempts, history) SELECT @run, @job, value, {(int)WorkItemState.Pending}, 0, '[]' FROM ({database.ListOf("@keys")}) k WHERE 1 = 1 " +
                "ON CONFLICT (run_id, job_index, item_key) DO NOTHING")
                .With("run", runId).With("job", jobIndex);
            database.AddList(command, "keys", list);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> items in one statement: pending ones first, then running ones whose lease ran out,
    /// skipping rows another node is claiming at the same moment.
    /// </summary>
    public Task<IReadOnlyList<WorkItem>> ClaimWorkItemsAsync(
        Guid runId, int jobIndex, string owner, NodaTime.Instant now, NodaTime.Instant leaseUntil, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        // One transaction, so that a retried claim (after a busy database) starts over instead of losing the first half.
        return database.TransactionAsync<IReadOnlyList<WorkItem>>(async (connection, transaction) =>
        {
            var claimed = await ClaimAsync($"state = {(int)WorkItemState.Pending}", max).ConfigureAwait(false);
            if (claimed.Count < max)
            {
                claimed.AddRange(await ClaimAsync($"state = {(int)WorkItemState.Running} AND lease_expires_at <= @now", max - claimed.Count).ConfigureAwait(false));
            }

            return claimed;

            async Task<List<WorkItem>> ClaimAsync(string condition, int take)
            {
                await using var command = connection.Command(
                    $"UPDATE work_item SET state = {(int)WorkItemState.Running}, lease_owner = @owner, lease_expires_at = @until, attempts = attempts + 1 WHERE id IN (" +
                    $"SELECT id FROM work_item WHERE run_id = @run AND job_index = @job AND {condition} ORDER BY id LIMIT @max{database.SkipLocked}) " +
                    $"RETURNING {ItemColumns}", transaction)
                    .With("owner", owner).With("until", SqlCommands.Ticks(leaseUntil)).With("run", runId).With("job", jobIndex)
                    .With("now", SqlCommands.Ticks(now)).With("max", Math.Max(0, take));
                var items = await command.ListAsync(ReadItem, cancellationToken).ConfigureAwait(false);
                items.Sort((a, b) => a.Id.CompareTo(b.Id));
                return items;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> HeartbeatAsync(IReadOnlyList<long> ids, string owner, NodaTime.Instant now, NodaTime.Instant leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<long>>([]);
        }

        return database.WriteAsync<IReadOnlyList<long>>(async connection =>
        {
            var stillHeld = $"state = {(int)WorkItemState.Running} AND lease_owner = @owner AND lease_expires_at > @now";
            await using var command = connection.Command(
                database.LockedInOrder("work_item", $"id IN ({database.ListOf("@ids")}) AND {stillHeld}") +
                $"UPDATE work_item SET lease_expires_at = @until WHERE id IN (SELECT id FROM target) AND {stillHeld} RETURNING id")
                .With("until", SqlCommands.Ticks(leaseUntil)).With("owner", owner).With("now", SqlCommands.Ticks(now));
            database.AddList(command, "ids", ids);
            var held = await command.ListAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
            return [.. ids.Where(held.ToHashSet().Contains)];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> CompleteWorkItemAsync(long id, string owner, NodaTime.Instant now, string? error, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                "UPDATE work_item SET state = @state, error = @error, lease_owner = NULL, lease_expires_at = NULL " +
                $"WHERE id = @id AND state = {(int)WorkItemState.Running} AND lease_owner = @owner AND lease_expires_at > @now")
                .With("state", (int)(error is null ? WorkItemState.Completed : WorkItemState.Failed)).With("error", error)
                .With("id", id).With("owner", owner).With("now", SqlCommands.Ticks(now));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<WorkItem>>(async connection =>
        {
            await using var command = connection.Command($"SELECT {ItemColumns} FROM work_item WHERE run_id = @run AND job_index = @job ORDER BY id")
                .With("run", runId).With("job", jobIndex);
            return await command.ListAsync(ReadItem, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The items of the run's earlier jobs, counted in the database (the work_item index on run and job serves it).</summary>
    public Task<long> CountWorkItemsBeforeAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command("SELECT COUNT(*) FROM work_item WHERE run_id = @run AND job_index < @job")
                .With("run", runId).With("job", jobIndex);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>Puts every failed item of the job back to pending in one statement, its error appended to its history.</summary>
    public Task<int> RetryFailedWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async connection =>
        {
            var failed = $"run_id = @run AND job_index = @job AND state = {(int)WorkItemState.Failed}";
            await using var command = connection.Command(
                database.LockedInOrder("work_item", failed) +
                $"UPDATE work_item SET state = {(int)WorkItemState.Pending}, error = NULL, history = {database.AppendToJsonArray("history", "COALESCE(error, 'failed')")} " +
                $"WHERE id IN (SELECT id FROM target) AND {failed}")
                .With("run", runId).With("job", jobIndex);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static ScheduleRun ReadRun(DbDataReader r) => new()
    {
        Id = r.GetGuid((int)ScheduleRunColumn.Id),
        Client = new ClientNumber(r.GetInt64((int)ScheduleRunColumn.Client)),
        Schedule = r.GetString((int)ScheduleRunColumn.Schedule),
        RunDate = SqlCommands.Date(r.GetInt32((int)ScheduleRunColumn.RunDate)),
        Status = (BatchStatus)r.GetInt32((int)ScheduleRunColumn.Status),
        StartedBy = r.GetString((int)ScheduleRunColumn.StartedBy),
        CreatedAt = r.GetInstant((int)ScheduleRunColumn.CreatedAt),
        FinishedAt = r.GetInstantOrNull((int)ScheduleRunColumn.FinishedAt),
        Jobs = StorageJson.Jobs(r.GetString((int)ScheduleRunColumn.Jobs)),
        Version = r.GetInt64((int)ScheduleRunColumn.Version),
        ScheduledAt = r.GetInstantOrNull((int)ScheduleRunColumn.ScheduledAt),
        CaughtUp = r.GetInt32((int)ScheduleRunColumn.CaughtUp) == 1,
    };

    private static WorkItem ReadItem(DbDataReader r) => new()
    {
        Id = r.GetInt64((int)WorkItemColumn.Id),
        RunId = r.GetGuid((int)WorkItemColumn.RunId),
        JobIndex = r.GetInt32((int)WorkItemColumn.JobIndex),
        Key = r.GetString((int)WorkItemColumn.ItemKey),
        State = (WorkItemState)r.GetInt32((int)WorkItemColumn.State),
        Attempts = r.GetInt32((int)WorkItemColumn.Attempts),
        LeaseOwner = r.GetStringOrNull((int)WorkItemColumn.LeaseOwner),
        LeaseExpiresAt = r.GetInstantOrNull((int)WorkItemColumn.LeaseExpiresAt),
        Error = r.GetStringOrNull((int)WorkItemColumn.Error),
        History = StorageJson.Strings(r.GetString((int)WorkItemColumn.History)),
    };
}

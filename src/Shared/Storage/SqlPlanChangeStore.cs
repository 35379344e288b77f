using System.Text;

namespace Aria.Billing.Storage;

/// <summary>
/// The plan-change queue in a relational database. Updates are compare-and-swap on the version, so a change moves to
/// Executed once however many nodes try; claims take due changes in queue order, skipping rows another node holds.
/// </summary>
internal sealed class SqlPlanChangeStore(SqlDatabase database) : IPlanChangeStore
{
    private const string Order = "effective_date, queued_at, id";

    private static readonly string Values = SqlCommands.ParameterList(PlanChangeRows.Columns);

    private static readonly string Assignments = string.Join(", ", PlanChangeRows.Columns.Split(", ").Skip(2).SkipLast(1).Select(c => $"{c} = @{c}"));

    /// <inheritdoc />
    public Task<bool> AddAsync(PlanChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                $"INSERT INTO plan_change ({PlanChangeRows.Columns}) VALUES ({Values}) ON CONFLICT (id) DO NOTHING")
                .WithChange(change with { Version = 1 });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PlanChange?> GetAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {PlanChangeRows.Columns} FROM plan_change WHERE id = @id AND client = @client")
                .With("id", id).With("client", client.Value);
            return await command.FirstOrDefaultAsync(PlanChangeRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PlanChange>> ListAsync(PlanChangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return database.ReadAsync<IReadOnlyList<PlanChange>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            var where = new StringBuilder("client = @client AND account_no = @account");
            command.With("client", query.Client.Value).With("account", query.Account.Value);
            if (query.Instance is { } instance)
            {
                where.Append(" AND instance_no = @instance");
                command.With("instance", instance.Value);
            }

            if (query.States.Count > 0)
            {
                where.Append(" AND state IN (").AppendJoin(", ", query.States.Distinct().Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(')');
            }

            command.CommandText = $"SELECT {PlanChangeRows.Columns} FROM plan_change WHERE {where} ORDER BY {Order}";
            return await command.ListAsync(PlanChangeRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PlanChange?> UpdateAsync(PlanChange updated, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                $"UPDATE plan_change SET {Assignments}, version = @version WHERE id = @id AND client = @client AND version = @expected RETURNING {PlanChangeRows.Columns}")
                .WithChange(updated with { Version = expectedVersion + 1 }).With("expected", expectedVersion);
            return await command.FirstOrDefaultAsync(PlanChangeRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlanChange>> ClaimDueAsync(
        ClientNumber client, NodaTime.LocalDate asOf, string owner, NodaTime.Instant now, NodaTime.Instant leaseUntil, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return database.WriteAsync<IReadOnlyList<PlanChange>>(async connection =>
        {
            await using var command = connection.Command(
                "UPDATE plan_change SET claimed_by = @owner, claim_expires_at = @until, version = version + 1 WHERE id IN (" +
                $"SELECT id FROM plan_change WHERE client = @client AND state = {(int)PlanChangeState.Queued} AND effective_date <= @as_of " +
                $"AND (claimed_by IS NULL OR claim_expires_at <= @now) ORDER BY {Order} LIMIT @max{database.SkipLocked}) RETURNING {PlanChangeRows.Columns}")
                .With("owner", owner).With("until", SqlCommands.Ticks(leaseUntil)).With("client", client.Value)
                .With("as_of", SqlCommands.Day(asOf)).With("now", SqlCommands.Ticks(now)).With("max", Math.Max(0, max));
            var claimed = await command.ListAsync(PlanChangeRows.Read, cancellationToken).ConfigureAwait(false);
            return [.. claimed.OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt).ThenBy(c => c.Id)];
        }, cancellationToken);
    }

    /// <summary>The clients with due queued changes, over the partial index of queued changes.</summary>
    public Task<IReadOnlyList<ClientNumber>> ListClientsWithDueAsync(NodaTime.LocalDate dueBy, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ClientNumber>>(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT DISTINCT client FROM plan_change WHERE state = {(int)PlanChangeState.Queued} AND effective_date <= @due_by ORDER BY client")
                .With("due_by", SqlCommands.Day(dueBy));
            return await command.ListAsync(r => new ClientNumber(r.GetInt64(r.GetOrdinal("client"))), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}

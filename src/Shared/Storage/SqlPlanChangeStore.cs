using System.Text;

namespace Aria.Billing.Storage;

/// <summary>
/// The plan-change queue in a relational database. Updates are compare-and-swap on the version, so a change moves to
/// Executed once however many nodes try; claims take the first queued change of each instance when it is due, in queue
/// order, skipping rows another node holds.
/// </summary>
internal sealed class SqlPlanChangeStore(SqlDatabase database) : IPlanChangeStore
{
    private const string Order = "effective_date, queued_at, id";

    private static readonly string Values = SqlCommands.ParameterList(PlanChangeRows.Columns);

    private const int Queued = (int)PlanChangeState.Queued;

    private readonly string _claimSql = ClaimSql(database.SkipLocked);

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
            await using var command = connection.Command(_claimSql)
                .With("owner", owner).With("until", SqlCommands.Ticks(leaseUntil)).With("client", client.Value)
                .With("as_of", SqlCommands.Day(asOf)).With("now", SqlCommands.Ticks(now)).With("max", Math.Max(0, max));
            var claimed = await command.ListAsync(PlanChangeRows.Read, cancellationToken).ConfigureAwait(false);
            return [.. claimed.OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt).ThenBy(c => c.Id)];
        }, cancellationToken);
    }

    /// <summary>
    /// The claim: due, unleased changes that are each the first queued change of their instance (no queued change of the
    /// same instance comes before them in queue order, whatever its lease), in queue order, at most <c>@max</c>. On PostgreSQL
    /// the rows are locked as they are picked, skipping rows another claim holds; a row whose lease another node took after
    /// this statement's snapshot is re-checked and dropped, and a later change of that instance is never a candidate, since
    /// in the snapshot its earlier change is still queued. The partial index of step 5 serves the NOT EXISTS.
    /// </summary>
    private static string ClaimSql(string skipLocked) =>
        "UPDATE plan_change SET claimed_by = @owner, claim_expires_at = @until, version = version + 1 WHERE id IN (" +
        $"SELECT p.id FROM plan_change p WHERE p.client = @client AND p.state = {Queued} AND p.effective_date <= @as_of " +
        "AND (p.claimed_by IS NULL OR p.claim_expires_at <= @now) " +
        $"AND NOT EXISTS (SELECT 1 FROM plan_change e WHERE e.client = p.client AND e.instance_no = p.instance_no AND e.state = {Queued} " +
        "AND (e.effective_date, e.queued_at, e.id) < (p.effective_date, p.queued_at, p.id)) " +
        $"ORDER BY p.effective_date, p.queued_at, p.id LIMIT @max{skipLocked}) RETURNING {PlanChangeRows.Columns}";

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

using System.Data.Common;
using System.Globalization;

namespace Aria.Billing.Storage;

/// <summary>
/// Payment terms in a relational database. An add runs under a per-client lock (an advisory lock on PostgreSQL; SQLite
/// serialises writers): the name and client-defined id are checked, then the client's counter row gives the next number, so
/// numbers are consecutive and never reused. Marking terms assigned is one UPDATE; deleting them locks their row first
/// (<c>FOR UPDATE</c>), so of a mark and a delete racing on the same terms, whichever comes second sees the first's
/// effect: never both succeed.
/// </summary>
internal sealed class SqlPaymentTermStore(SqlDatabase database) : IPaymentTermStore
{
    private static readonly string Values = SqlCommands.ParameterList(PaymentTermRows.Columns);

    /// <inheritdoc />
    public Task<PaymentTermAddResult> AddAsync(PaymentTerm term, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(term);
        return database.TransactionAsync(async (connection, transaction) =>
        {
            await database.LockAsync(connection, transaction, "aria-billing-payment-terms:" + term.Client.Value.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            await using (var taken = connection.Command(
                "SELECT name, client_id FROM payment_term WHERE client = @client AND (name = @name OR client_id = @client_id)", transaction)
                .With("client", term.Client.Value).With("name", term.Name).With("client_id", term.ClientId))
            {
                var rows = await taken.ListAsync(r => (Name: r.GetString(r.GetOrdinal("name")), ClientId: r.GetString(r.GetOrdinal("client_id"))), cancellationToken).ConfigureAwait(false);
                if (rows.Any(r => r.Name == term.Name))
                {
                    return PaymentTermAddResult.Refused(PaymentTermConflict.NameTaken);
                }

                if (rows.Count > 0)
                {
                    return PaymentTermAddResult.Refused(PaymentTermConflict.ClientIdTaken);
                }
            }

            long number;
            await using (var next = connection.Command(
                "INSERT INTO payment_term_number (client, last_no) VALUES (@client, 1) " +
                "ON CONFLICT (client) DO UPDATE SET last_no = payment_term_number.last_no + 1 RETURNING last_no", transaction)
                .With("client", term.Client.Value))
            {
                number = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            var saved = term with { Number = number, EverAssigned = false, Version = 1 };
            await using var insert = connection.Command($"INSERT INTO payment_term ({PaymentTermRows.Columns}) VALUES ({Values})", transaction).WithTerm(saved);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return PaymentTermAddResult.Saved(saved);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PaymentTerm?> GetAsync(ClientNumber client, PaymentTermKey key, CancellationToken cancellationToken = default) =>
        database.Unmatchable(key.Text) ? Task.FromResult<PaymentTerm?>(null) : database.ReadAsync(async connection =>
        {
            await using var command = Select(connection, null, client, key, "");
            return await command.FirstOrDefaultAsync(PaymentTermRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PaymentTerm>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<PaymentTerm>>(async connection =>
        {
            await using var command = connection.Command($"SELECT {PaymentTermRows.Columns} FROM payment_term WHERE client = @client ORDER BY term_no")
                .With("client", client.Value);
            return await command.ListAsync(PaymentTermRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<PaymentTerm?> MarkAssignedAsync(ClientNumber client, long number, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                "UPDATE payment_term SET ever_assigned = 1, version = CASE WHEN ever_assigned = 1 THEN version ELSE version + 1 END " +
                $"WHERE client = @client AND term_no = @term_no RETURNING {PaymentTermRows.Columns}")
                .With("client", client.Value).With("term_no", number);
            return await command.FirstOrDefaultAsync(PaymentTermRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<PaymentTermDeletion> DeleteIfNeverAssignedAsync(ClientNumber client, PaymentTermKey key, CancellationToken cancellationToken = default) =>
        database.Unmatchable(key.Text) ? Task.FromResult(new PaymentTermDeletion(PaymentTermDeleteOutcome.NotFound, null)) : database.TransactionAsync(async (connection, transaction) =>
        {
            PaymentTerm? term;
            await using (var find = Select(connection, transaction, client, key, database.ForUpdate))
            {
                term = await find.FirstOrDefaultAsync(PaymentTermRows.Read, cancellationToken).ConfigureAwait(false);
            }

            if (term is null)
            {
                return new PaymentTermDeletion(PaymentTermDeleteOutcome.NotFound, null);
            }

            if (term.EverAssigned)
            {
                return new PaymentTermDeletion(PaymentTermDeleteOutcome.Assigned, term);
            }

            // The row is locked (PostgreSQL) or the database is ours alone (SQLite): the flag cannot have changed since.
            await using var delete = connection.Command("DELETE FROM payment_term WHERE client = @client AND term_no = @term_no AND ever_assigned = 0", transaction)
                .With("client", client.Value).With("term_no", term.Number);
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
                ? new PaymentTermDeletion(PaymentTermDeleteOutcome.Deleted, term)
                : throw new InvalidOperationException($"Payment terms {term.Number} of client {client} changed while locked for deletion.");
        }, cancellationToken);

    /// <summary>The SELECT of the terms <paramref name="key"/> names, with <paramref name="suffix"/> (a locking clause) appended.</summary>
    private static DbCommand Select(DbConnection connection, DbTransaction? transaction, ClientNumber client, PaymentTermKey key, string suffix)
    {
        var (column, value) = key.Kind switch
        {
            PaymentTermKeyKind.Number => ("term_no", (object)key.Number),
            PaymentTermKeyKind.Name => ("name", key.Text!),
            _ => ("client_id", key.Text!),
        };
        return connection.Command($"SELECT {PaymentTermRows.Columns} FROM payment_term WHERE client = @client AND {column} = @key{suffix}", transaction)
            .With("client", client.Value).With("key", value);
    }
}

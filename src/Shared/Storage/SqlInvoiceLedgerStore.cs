using System.Data.Common;
using System.Globalization;

namespace Aria.Billing.Storage;

/// <summary>
/// The invoice ledger in a relational database. Imports are idempotent on the primary key (client, invoice number);
/// updates are compare-and-swap on the version; a <see cref="LedgerWrite"/> is one transaction, rolled back whole when
/// anything stands in its way. Numbers come from a <c>number_sequence</c> row per client and sequence, taken with an upsert
/// inside that transaction: the row stays locked until the commit (a row lock on PostgreSQL, the one writer on SQLite),
/// so writers on any number of nodes get distinct, consecutive numbers, and a write rolled back gives its number back.
/// </summary>
internal sealed class SqlInvoiceLedgerStore(SqlDatabase database) : IInvoiceLedgerStore
{
    private static readonly string InvoiceColumns = InvoiceLedgerRows.InvoiceColumns;

    private static readonly string MemoColumns = InvoiceLedgerRows.CreditMemoColumns;

    private static readonly string InvoiceValues = SqlCommands.ParameterList(InvoiceColumns);

    private static readonly string MemoValues = SqlCommands.ParameterList(MemoColumns);

    /// <summary>Every column but the key, version included (bound as the new version).</summary>
    private static readonly string InvoiceAssignments = Assignments(InvoiceColumns, "client", "invoice_no");

    /// <summary>Every column but the key and the client, version included (bound as the new version).</summary>
    private static readonly string MemoAssignments = Assignments(MemoColumns, "id", "client");

    /// <summary>
    /// Takes the next number of a client's sequence: the stored next one, or the configured start when that is higher (a
    /// sequence never goes back), and stores the one after it. The first use of a sequence inserts its row; every later one
    /// updates it, holding its lock until the transaction ends.
    /// </summary>
    private const string TakeNumberSql =
        "INSERT INTO number_sequence (client, kind, next) VALUES (@client, @kind, @start + 1) " +
        "ON CONFLICT (client, kind) DO UPDATE SET next = CASE WHEN number_sequence.next > @start THEN number_sequence.next ELSE @start END + 1 " +
        "RETURNING next - 1";

    /// <inheritdoc />
    public Task<bool> AddInvoiceAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                $"INSERT INTO invoice ({InvoiceColumns}) VALUES ({InvoiceValues}) ON CONFLICT (client, invoice_no) DO NOTHING")
                .WithInvoice(invoice with { Version = 1 });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Invoice?> UpdateInvoiceAsync(Invoice updated, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return database.WriteAsync(async connection =>
        {
            await using var command = UpdateInvoice(connection, null, updated, expectedVersion, returning: true);
            return await command.FirstOrDefaultAsync(InvoiceLedgerRows.ReadInvoice, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Invoice?> GetInvoiceAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {InvoiceColumns} FROM invoice WHERE client = @client AND invoice_no = @invoice_no")
                .With("client", client.Value).With("invoice_no", invoiceNo);
            return await command.FirstOrDefaultAsync(InvoiceLedgerRows.ReadInvoice, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Invoice>> ListInvoicesAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Invoice>>(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT {InvoiceColumns} FROM invoice WHERE client = @client AND account_no = @account_no ORDER BY invoice_no")
                .With("client", client.Value).With("account_no", account.Value);
            return await command.ListAsync(InvoiceLedgerRows.ReadInvoice, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<long> GetHighestInvoiceNoAsync(ClientNumber client, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command("SELECT COALESCE(MAX(invoice_no), 0) FROM invoice WHERE client = @client").With("client", client.Value);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<CreditMemo?> GetCreditMemoAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {MemoColumns} FROM credit_memo WHERE id = @id AND client = @client")
                .With("id", id).With("client", client.Value);
            return await command.FirstOrDefaultAsync(InvoiceLedgerRows.ReadCreditMemo, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<CreditMemo?> FindCreditMemoAsync(ClientNumber client, string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (database.Unmatchable(number))
        {
            return Task.FromResult<CreditMemo?>(null);
        }

        return database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {MemoColumns} FROM credit_memo WHERE client = @client AND number = @number")
                .With("client", client.Value).With("number", number);
            return await command.FirstOrDefaultAsync(InvoiceLedgerRows.ReadCreditMemo, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CreditMemo>> ListCreditMemosAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<CreditMemo>>(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT {MemoColumns} FROM credit_memo WHERE client = @client AND invoice_no = @invoice_no ORDER BY sequence, id")
                .With("client", client.Value).With("invoice_no", invoiceNo);
            return await command.ListAsync(InvoiceLedgerRows.ReadCreditMemo, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// One transaction: the updates (compare-and-swap, invoices then memos, each in key order so two writes lock rows in the
    /// same order), the checks of the new documents, the numbers, the inserts. The first conflict, in the order the
    /// in-memory store checks them, rolls everything back; so does an exception, and a transient error runs it all again.
    /// </summary>
    public Task<LedgerWriteResult> SaveAsync(LedgerWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.NewCreditMemo is not null)
        {
            ArgumentNullException.ThrowIfNull(write.CreditMemoNumbering, nameof(write.CreditMemoNumbering));
        }

        if (write.NewInvoice is { } invoice && invoice.Client != write.Client)
        {
            throw new ArgumentException($"The new invoice belongs to client {invoice.Client}, not to the write's client {write.Client}.", nameof(write));
        }

        if (write.NewCreditMemo is { } memo && memo.Client != write.Client)
        {
            throw new ArgumentException($"The new credit memo belongs to client {memo.Client}, not to the write's client {write.Client}.", nameof(write));
        }

        // An update of another client's document cannot match anything of this client's.
        if (write.InvoiceUpdates.Any(u => u.Invoice.Client != write.Client) || write.CreditMemoUpdates.Any(u => u.Memo.Client != write.Client))
        {
            return Task.FromResult(LedgerWriteResult.Refused(LedgerConflict.VersionChanged));
        }

        return database.TransactionAsync((connection, transaction) => SaveNowAsync(connection, transaction, write, cancellationToken), static result => result.Saved, cancellationToken);
    }

    private static async Task<LedgerWriteResult> SaveNowAsync(DbConnection connection, DbTransaction transaction, LedgerWrite write, CancellationToken cancellationToken)
    {
        foreach (var update in write.InvoiceUpdates.OrderBy(u => u.Invoice.InvoiceNo))
        {
            await using var command = UpdateInvoice(connection, transaction, update.Invoice, update.ExpectedVersion, returning: false);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return LedgerWriteResult.Refused(LedgerConflict.VersionChanged);
            }
        }

        foreach (var update in write.CreditMemoUpdates.OrderBy(u => u.Memo.Id))
        {
            await using var command = connection.Command(
                $"UPDATE credit_memo SET {MemoAssignments} WHERE id = @id AND client = @client AND version = @expected", transaction)
                .WithCreditMemo(update.Memo with { Version = update.ExpectedVersion + 1 }).With("expected", update.ExpectedVersion);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return LedgerWriteResult.Refused(LedgerConflict.VersionChanged);
            }
        }

        var client = write.Client.Value;
        if (write.NewInvoice is { } checkedInvoice)
        {
            await using var taken = connection.Command("SELECT COUNT(*) FROM invoice WHERE client = @client AND invoice_no = @invoice_no", transaction)
                .With("client", client).With("invoice_no", checkedInvoice.InvoiceNo);
            if (Convert.ToInt64(await taken.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
            {
                return LedgerWriteResult.Refused(LedgerConflict.InvoiceNumberTaken);
            }
        }

        CreditMemo? memo = null;
        if (write.NewCreditMemo is { } newMemo)
        {
            // A memo id is unique per client: the same idempotency key from another client is another memo.
            await using var exists = connection.Command("SELECT COUNT(*) FROM credit_memo WHERE client = @client AND id = @id", transaction).With("client", write.Client.Value).With("id", newMemo.Id);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
            {
                return LedgerWriteResult.Refused(LedgerConflict.DuplicateCreditMemo);
            }

            var numbers = write.CreditMemoNumbering!;
            if (await TakeNumberAsync(connection, transaction, client, SequenceKind.CreditMemo, numbers, cancellationToken).ConfigureAwait(false) is not { } sequence)
            {
                return LedgerWriteResult.Refused(LedgerConflict.SequenceExhausted);
            }

            memo = newMemo with { Sequence = sequence, Number = numbers.Format(sequence), Version = 1 };
        }

        Invoice? invoice = null;
        if (write.NewInvoice is { } newInvoice)
        {
            invoice = newInvoice with { Version = 1 };
            if (write.RebillNumbering is { } rebills)
            {
                if (await TakeNumberAsync(connection, transaction, client, SequenceKind.Rebill, rebills, cancellationToken).ConfigureAwait(false) is not { } number)
                {
                    return LedgerWriteResult.Refused(LedgerConflict.SequenceExhausted);
                }

                invoice = invoice with { RebillNumber = rebills.Format(number) };
            }

            // Another node may have imported the number since the check: the key decides.
            await using var insert = connection.Command(
                $"INSERT INTO invoice ({InvoiceColumns}) VALUES ({InvoiceValues}) ON CONFLICT (client, invoice_no) DO NOTHING RETURNING {InvoiceColumns}", transaction)
                .WithInvoice(invoice);
            invoice = await insert.FirstOrDefaultAsync(InvoiceLedgerRows.ReadInvoice, cancellationToken).ConfigureAwait(false);
            if (invoice is null)
            {
                return LedgerWriteResult.Refused(LedgerConflict.InvoiceNumberTaken);
            }
        }

        if (memo is not null)
        {
            // Likewise for a memo another node saved since the check. A number already used by another memo (a sequence
            // reformatted into an earlier number's text) breaks the unique (client, number) and fails the write.
            await using var insert = connection.Command(
                $"INSERT INTO credit_memo ({MemoColumns}) VALUES ({MemoValues}) ON CONFLICT (client, id) DO NOTHING RETURNING {MemoColumns}", transaction)
                .WithCreditMemo(memo);
            memo = await insert.FirstOrDefaultAsync(InvoiceLedgerRows.ReadCreditMemo, cancellationToken).ConfigureAwait(false);
            if (memo is null)
            {
                return LedgerWriteResult.Refused(LedgerConflict.DuplicateCreditMemo);
            }
        }

        return LedgerWriteResult.Written(invoice, memo);
    }

    /// <summary>The next number of the sequence, taken in the transaction; null (nothing kept once it rolls back) when the sequence has none left.</summary>
    private static async Task<long?> TakeNumberAsync(
        DbConnection connection, DbTransaction transaction, long client, SequenceKind kind, NumberSequence numbering, CancellationToken cancellationToken)
    {
        if (numbering.Start > numbering.Last)
        {
            return null;
        }

        await using var command = connection.Command(TakeNumberSql, transaction)
            .With("client", client).With("kind", (int)kind).With("start", numbering.Start);
        var number = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return numbering.Contains(number) ? number : null;
    }

    private static DbCommand UpdateInvoice(DbConnection connection, DbTransaction? transaction, Invoice updated, long expectedVersion, bool returning) =>
        connection.Command(
            $"UPDATE invoice SET {InvoiceAssignments} WHERE client = @client AND invoice_no = @invoice_no AND version = @expected" +
            (returning ? $" RETURNING {InvoiceColumns}" : ""), transaction)
            .WithInvoice(updated with { Version = expectedVersion + 1 }).With("expected", expectedVersion);

    private static string Assignments(string columns, params string[] keys) =>
        string.Join(", ", columns.Split(", ").Where(c => !keys.Contains(c)).Select(c => $"{c} = @{c}"));
}

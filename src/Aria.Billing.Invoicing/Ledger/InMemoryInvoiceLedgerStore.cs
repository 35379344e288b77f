namespace Aria.Billing.Invoicing;

/// <summary>
/// The ledger in process memory, for tests and single-process hosts that keep nothing across restarts. Same semantics as
/// the relational stores: every write happens under one lock, so it is all or nothing and numbers are gap-free.
/// </summary>
public sealed class InMemoryInvoiceLedgerStore : IInvoiceLedgerStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(long Client, long InvoiceNo), Invoice> _invoices = [];
    private readonly Dictionary<(long Client, Guid Id), CreditMemo> _memos = [];
    private readonly Dictionary<(long Client, SequenceKind Kind), long> _next = [];

    /// <inheritdoc />
    public Task<bool> AddInvoiceAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        lock (_gate)
        {
            return Task.FromResult(_invoices.TryAdd((invoice.Client.Value, invoice.InvoiceNo), invoice with { Version = 1 }));
        }
    }

    /// <inheritdoc />
    public Task<Invoice?> UpdateInvoiceAsync(Invoice updated, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        lock (_gate)
        {
            if (!Matches(updated, expectedVersion))
            {
                return Task.FromResult<Invoice?>(null);
            }

            var stored = updated with { Version = expectedVersion + 1 };
            _invoices[(updated.Client.Value, updated.InvoiceNo)] = stored;
            return Task.FromResult<Invoice?>(stored);
        }
    }

    /// <inheritdoc />
    public Task<Invoice?> GetInvoiceAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_invoices.GetValueOrDefault((client.Value, invoiceNo)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Invoice>> ListInvoicesAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Invoice> list = [.. _invoices.Values.Where(i => i.Client == client && i.Account == account).OrderBy(i => i.InvoiceNo)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<long> GetHighestInvoiceNoAsync(ClientNumber client, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_invoices.Keys.Where(k => k.Client == client.Value).Select(k => k.InvoiceNo).DefaultIfEmpty(0).Max());
        }
    }

    /// <inheritdoc />
    public Task<CreditMemo?> GetCreditMemoAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_memos.GetValueOrDefault((client.Value, id)));
        }
    }

    /// <inheritdoc />
    public Task<CreditMemo?> FindCreditMemoAsync(ClientNumber client, string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        lock (_gate)
        {
            return Task.FromResult(_memos.Values.FirstOrDefault(m => m.Client == client && m.Number == number));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CreditMemo>> ListCreditMemosAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<CreditMemo> list = [.. _memos.Values.Where(m => m.Client == client && m.InvoiceNo == invoiceNo).OrderBy(m => m.Sequence)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<LedgerWriteResult> SaveAsync(LedgerWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.NewInvoice is { } added && added.Client != write.Client)
        {
            throw new ArgumentException($"The new invoice belongs to client {added.Client}, not to the write's client {write.Client}.", nameof(write));
        }

        if (write.NewCreditMemo is { } made && made.Client != write.Client)
        {
            throw new ArgumentException($"The new credit memo belongs to client {made.Client}, not to the write's client {write.Client}.", nameof(write));
        }

        if (write.NewCreditMemo is not null)
        {
            ArgumentNullException.ThrowIfNull(write.CreditMemoNumbering, nameof(write.CreditMemoNumbering));
        }

        lock (_gate)
        {
            var conflict = Check(write);
            if (conflict != LedgerConflict.None)
            {
                return Task.FromResult(LedgerWriteResult.Refused(conflict));
            }

            var client = write.Client.Value;
            foreach (var update in write.InvoiceUpdates)
            {
                _invoices[(client, update.Invoice.InvoiceNo)] = update.Invoice with { Version = update.ExpectedVersion + 1 };
            }

            foreach (var update in write.CreditMemoUpdates)
            {
                _memos[(client, update.Memo.Id)] = update.Memo with { Version = update.ExpectedVersion + 1 };
            }

            Invoice? invoice = null;
            if (write.NewInvoice is { } newInvoice)
            {
                invoice = newInvoice with { Version = 1 };
                if (write.RebillNumbering is { } rebills)
                {
                    invoice = invoice with { RebillNumber = rebills.Format(Take(client, SequenceKind.Rebill, rebills)) };
                }

                _invoices[(client, invoice.InvoiceNo)] = invoice;
            }

            CreditMemo? memo = null;
            if (write.NewCreditMemo is { } newMemo)
            {
                var numbers = write.CreditMemoNumbering!;
                var sequence = Take(client, SequenceKind.CreditMemo, numbers);
                memo = newMemo with { Sequence = sequence, Number = numbers.Format(sequence), Version = 1 };
                _memos[(client, memo.Id)] = memo;
            }

            return Task.FromResult(LedgerWriteResult.Written(invoice, memo));
        }
    }

    private LedgerConflict Check(LedgerWrite write)
    {
        var client = write.Client.Value;
        foreach (var update in write.InvoiceUpdates)
        {
            if (update.Invoice.Client != write.Client || !Matches(update.Invoice, update.ExpectedVersion))
            {
                return LedgerConflict.VersionChanged;
            }
        }

        foreach (var update in write.CreditMemoUpdates)
        {
            if (update.Memo.Client != write.Client
                || !_memos.TryGetValue((client, update.Memo.Id), out var stored) || stored.Version != update.ExpectedVersion)
            {
                return LedgerConflict.VersionChanged;
            }
        }

        if (write.NewInvoice is { } invoice && _invoices.ContainsKey((client, invoice.InvoiceNo)))
        {
            return LedgerConflict.InvoiceNumberTaken;
        }

        if (write.NewCreditMemo is { } memo)
        {
            if (_memos.ContainsKey((client, memo.Id)))
            {
                return LedgerConflict.DuplicateCreditMemo;
            }

            if (!write.CreditMemoNumbering!.Contains(Peek(client, SequenceKind.CreditMemo, write.CreditMemoNumbering)))
            {
                return LedgerConflict.SequenceExhausted;
            }
        }

        if (write.NewInvoice is not null && write.RebillNumbering is { } rebills && !rebills.Contains(Peek(client, SequenceKind.Rebill, rebills)))
        {
            return LedgerConflict.SequenceExhausted;
        }

        return LedgerConflict.None;
    }

    private bool Matches(Invoice invoice, long expectedVersion) =>
        _invoices.TryGetValue((invoice.Client.Value, invoice.InvoiceNo), out var stored) && stored.Version == expectedVersion;

    /// <summary>The next number: the stored next one, or the configured start when that is higher (a sequence never goes back).</summary>
    private long Peek(long client, SequenceKind kind, NumberSequence numbering) =>
        Math.Max(_next.GetValueOrDefault((client, kind), numbering.Start), numbering.Start);

    private long Take(long client, SequenceKind kind, NumberSequence numbering)
    {
        var number = Peek(client, kind, numbering);
        _next[(client, kind)] = number + 1;
        return number;
    }
}

namespace Aria.Billing.ReferenceHost.Background;

/// <summary>A place reserved in a client's background queue (<see cref="BackgroundWork.TryReserve"/>): filled once, or given back on dispose.</summary>
public sealed class BackgroundSlot : IDisposable
{
    private readonly BackgroundWork _owner;
    private readonly ClientNumber _client;
    private bool _used;

    internal BackgroundSlot(BackgroundWork owner, ClientNumber client)
    {
        _owner = owner;
        _client = client;
    }

    /// <summary>Queues <paramref name="work"/> in the reserved place.</summary>
    public void Enqueue(Func<IServiceProvider, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_used, this);
        _used = true;
        _owner.Enqueue(_client, work);
    }

    /// <summary>Gives the place back unless it was filled.</summary>
    public void Dispose()
    {
        if (!_used)
        {
            _used = true;
            _owner.Release(_client);
        }
    }
}

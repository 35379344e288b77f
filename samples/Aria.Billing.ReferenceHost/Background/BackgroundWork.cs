using System.Threading.Channels;

namespace Aria.Billing.ReferenceHost.Background;

/// <summary>
/// Work a request starts and answers 202 for — a bulk reprocess, a job run — done after the response by
/// <see cref="BackgroundWorker"/>. Bounded: when full, the request waits rather than the host running out of memory.
/// </summary>
public sealed class BackgroundWork
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _queue =
        Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(new BoundedChannelOptions(1000) { SingleReader = false });

    internal ChannelReader<Func<IServiceProvider, CancellationToken, Task>> Reader => _queue.Reader;

    /// <summary>Queues <paramref name="work"/>.</summary>
    public ValueTask EnqueueAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        _queue.Writer.WriteAsync(work, cancellationToken);
}

using System.Globalization;
using Aria.Billing.ReferenceHost.Api;
using Microsoft.Extensions.Options;

namespace Aria.Billing.ReferenceHost.Background;

/// <summary>
/// Work a request starts and answers 202 for — a bulk reprocess, a job run, a run reprocess — done after the response by
/// <see cref="BackgroundWorker"/> (issue #15 item 5). Queued per client with a bound (<see cref="BackgroundWorkOptions"/>):
/// a request that finds its client's queue (or the whole queue) full is refused at once with 429 BACKGROUND_QUEUE_FULL,
/// never left waiting; the workers serve the clients round-robin, at most <see cref="BackgroundWorkOptions.PerClientConcurrency"/>
/// of one client's pieces at a time, so one client's huge runs cannot hold every worker.
/// </summary>
/// <remarks>
/// A request reserves its place (<see cref="TryReserve"/>) before it writes anything, and fills it once the run or operation
/// is stored; work still queued when the host stops is not lost: runs and operations are in the store, and the packages'
/// recovery continues them.
/// </remarks>
public sealed class BackgroundWork
{
    /// <summary>The code of a refusal because the queue is full (429).</summary>
    public const string QueueFull = "BACKGROUND_QUEUE_FULL";

    private readonly object _gate = new();
    private readonly Dictionary<ClientNumber, ClientQueue> _clients = [];
    private readonly List<ClientNumber> _ring = [];
    private readonly SemaphoreSlim _changed = new(0);
    private int _next;
    private int _waiting;

    /// <summary>A queue bounded by <paramref name="options"/>.</summary>
    public BackgroundWork(IOptions<BackgroundWorkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        if (Options.Problems().FirstOrDefault() is { } problem)
        {
            throw new OptionsValidationException(BackgroundWorkOptions.SectionName, typeof(BackgroundWorkOptions), [problem]);
        }
    }

    /// <summary>The bounds in force.</summary>
    public BackgroundWorkOptions Options { get; }

    /// <summary>
    /// Reserves a place in <paramref name="client"/>'s queue, or returns <see langword="null"/> when that queue or the whole
    /// queue is full. Dispose the slot without <see cref="BackgroundSlot.Enqueue"/> to give the place back.
    /// </summary>
    public BackgroundSlot? TryReserve(ClientNumber client)
    {
        lock (_gate)
        {
            var queue = QueueOf(client);
            if (queue.Waiting >= Options.PerClientCapacity || _waiting >= Options.Capacity)
            {
                return null;
            }

            queue.Reserved++;
            _waiting++;
            return new BackgroundSlot(this, client);
        }
    }

    /// <summary>The 429 problem details of a request refused because <paramref name="client"/>'s queue (or the whole queue) is full.</summary>
    public IResult Full(HttpContext http, ClientNumber client)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(Options.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ApiErrors.Result(StatusCodes.Status429TooManyRequests, new AriaError(AriaErrorCode.Symbolic(QueueFull),
            $"Client {client.Value}'s background queue is full (at most {Options.PerClientCapacity} waiting, {Options.Capacity} for all clients); "
            + $"retry after {Options.RetryAfter.TotalSeconds:0} s.", "client_no"));
    }

    /// <summary>What is waiting and running now.</summary>
    public BackgroundQueueState State()
    {
        lock (_gate)
        {
            var full = _clients.Count(c => c.Value.Waiting >= Options.PerClientCapacity);
            return new BackgroundQueueState(_waiting, _clients.Values.Sum(c => c.Running), full, _waiting >= Options.Capacity);
        }
    }

    internal void Enqueue(ClientNumber client, Func<IServiceProvider, CancellationToken, Task> work)
    {
        lock (_gate)
        {
            var queue = QueueOf(client);
            queue.Reserved--;
            queue.Items.Enqueue(work);
        }

        _changed.Release();
    }

    internal void Release(ClientNumber client)
    {
        lock (_gate)
        {
            QueueOf(client).Reserved--;
            _waiting--;
        }
    }

    /// <summary>The next piece of work, round-robin over the clients that have some and are below their concurrency.</summary>
    internal bool TryTake(out ClientNumber client, out Func<IServiceProvider, CancellationToken, Task> work)
    {
        lock (_gate)
        {
            for (var i = 0; i < _ring.Count; i++)
            {
                var at = (_next + i) % _ring.Count;
                var queue = _clients[_ring[at]];
                if (queue.Items.Count > 0 && queue.Running < Options.PerClientConcurrency)
                {
                    client = _ring[at];
                    work = queue.Items.Dequeue();
                    queue.Running++;
                    _waiting--;
                    _next = (at + 1) % _ring.Count;
                    return true;
                }
            }
        }

        client = default;
        work = null!;
        return false;
    }

    internal void Completed(ClientNumber client)
    {
        lock (_gate)
        {
            QueueOf(client).Running--;
        }

        _changed.Release(); // the client may have more waiting, held back by its concurrency
    }

    /// <summary>Waits until work may be ready (or a second has passed).</summary>
    internal Task WaitAsync(CancellationToken cancellationToken) => _changed.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);

    private ClientQueue QueueOf(ClientNumber client)
    {
        if (!_clients.TryGetValue(client, out var queue))
        {
            queue = new ClientQueue();
            _clients[client] = queue;
            _ring.Add(client); // clients are the configured ones: the ring stays small
        }

        return queue;
    }

    private sealed class ClientQueue
    {
        public Queue<Func<IServiceProvider, CancellationToken, Task>> Items { get; } = new();

        public int Reserved { get; set; }

        public int Running { get; set; }

        public int Waiting => Items.Count + Reserved;
    }
}

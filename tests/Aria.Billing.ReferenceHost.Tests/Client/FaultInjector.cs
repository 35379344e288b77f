using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;

namespace Aria.Billing.ReferenceHost.Tests.Client;

/// <summary>
/// Sits under the client, in front of the real host, and breaks the calls it is told to: a connection dropped after the
/// host handled the request, a 503 with Retry-After, an answer slower than the attempt timeout (slow on the client's
/// time). The handlers of every chain built for one client (see <see cref="Over"/>) share one plan and one count.
/// </summary>
public sealed class FaultInjector : DelegatingHandler
{
    private readonly ConcurrentQueue<(Func<HttpRequestMessage, bool> When, Fault Fault)> _plan;
    private readonly TimeProvider _time;
    private readonly StrongBox<int> _chains;

    /// <summary>Faults that wait on <paramref name="time"/> (the wall clock by default).</summary>
    public FaultInjector(TimeProvider? time = null)
        : this(new(), time ?? TimeProvider.System, new(), new(0))
    {
    }

    private FaultInjector(ConcurrentQueue<(Func<HttpRequestMessage, bool>, Fault)> plan, TimeProvider time, ConcurrentDictionary<string, int> seen, StrongBox<int> chains)
    {
        _plan = plan;
        _time = time;
        Seen = seen;
        _chains = chains;
    }

    /// <summary>The faults.</summary>
    public enum Fault
    {
        /// <summary>Forward, then lose the response (the host did the work).</summary>
        DropAfterForwarding,

        /// <summary>Answer 503 with Retry-After: 1 without forwarding.</summary>
        Unavailable,

        /// <summary>Forward, then answer after 2 s.</summary>
        Slow,
    }

    /// <summary>Requests seen, per "METHOD path".</summary>
    public ConcurrentDictionary<string, int> Seen { get; }

    /// <summary>How many handler chains were built over this plan (by <see cref="Over"/>).</summary>
    public int Chains => Volatile.Read(ref _chains.Value);

    /// <summary>Breaks the next request matching <paramref name="when"/> with <paramref name="fault"/>.</summary>
    public FaultInjector Then(Func<HttpRequestMessage, bool> when, Fault fault)
    {
        _plan.Enqueue((when, fault));
        return this;
    }

    /// <summary>
    /// A primary handler for one handler chain, in front of <paramref name="inner"/>, sharing this plan and count (a handler
    /// cannot be reused once it has sent, and <c>IHttpClientFactory</c> builds a new chain at every rotation).
    /// </summary>
    public FaultInjector Over(HttpMessageHandler inner)
    {
        Interlocked.Increment(ref _chains.Value);
        return new FaultInjector(_plan, _time, Seen, _chains) { InnerHandler = inner };
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Seen.AddOrUpdate($"{request.Method} {request.RequestUri!.AbsolutePath}", 1, (_, n) => n + 1);
        if (!_plan.TryPeek(out var next) || !next.When(request))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        _plan.TryDequeue(out _);
        switch (next.Fault)
        {
            case Fault.DropAfterForwarding:
                (await base.SendAsync(request, cancellationToken)).Dispose();
                throw new HttpRequestException("The connection was reset by the peer (injected).");
            case Fault.Unavailable:
                var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
                unavailable.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                return unavailable;
            default:
                var slow = await base.SendAsync(request, cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(2), _time, cancellationToken);
                return slow;
        }
    }
}

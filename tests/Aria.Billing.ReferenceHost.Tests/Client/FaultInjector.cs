using System.Collections.Concurrent;
using System.Net;

namespace Aria.Billing.ReferenceHost.Tests.Client;

/// <summary>
/// Sits under the client, in front of the real host, and breaks the calls it is told to: a connection dropped after the
/// host handled the request, a 503 with Retry-After, an answer slower than the attempt timeout (slow on
/// <paramref name="time"/>, the client's time; the wall clock by default).
/// </summary>
public sealed class FaultInjector(TimeProvider? time = null) : DelegatingHandler
{
    private readonly ConcurrentQueue<(Func<HttpRequestMessage, bool> When, Fault Fault)> _plan = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

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
    public ConcurrentDictionary<string, int> Seen { get; } = new();

    /// <summary>Breaks the next request matching <paramref name="when"/> with <paramref name="fault"/>.</summary>
    public FaultInjector Then(Func<HttpRequestMessage, bool> when, Fault fault)
    {
        _plan.Enqueue((when, fault));
        return this;
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

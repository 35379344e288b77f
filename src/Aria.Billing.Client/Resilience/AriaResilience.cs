using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Aria.Billing.Client.Resilience;

/// <summary>
/// The client's pipeline, outermost first: a total timeout, retries (exponential back-off with jitter, honouring
/// Retry-After, only for calls marked safe to repeat) on transport errors, timeouts, 408, 429 and 5xx, a circuit breaker,
/// and a per-attempt timeout. Every wait and timeout runs on the given <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The pipeline is built once per client name in a <see cref="Polly.Registry.ResiliencePipelineRegistry{TKey}"/> and shared
/// by every handler chain <c>IHttpClientFactory</c> creates for that name: the factory replaces its handlers every
/// handler lifetime, and a pipeline built per handler would forget an open circuit at each rotation.
/// </remarks>
internal static class AriaResilience
{
    /// <summary>The request option marking a call as safe to repeat (a GET, or a POST the host treats idempotently).</summary>
    internal static readonly HttpRequestOptionsKey<bool> Repeatable = new("Aria.Billing.Repeatable");

    /// <summary>The key under which a call's repeatability travels in the pipeline's context.</summary>
    internal static readonly ResiliencePropertyKey<bool> RepeatableKey = new("Aria.Billing.Repeatable");

    /// <summary>Adds the client's strategies to <paramref name="builder"/> (a registry's builder for one client name).</summary>
    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, AriaBillingClientOptions options, TimeProvider time)
    {
        builder.TimeProvider = time;
        var isTransient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500)
            .Build();
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Context.Properties.GetValue(RepeatableKey, false) && isTransient(args.Outcome)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.RetryMaxDelay, time)),
            });
        }

        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(isTransient(args.Outcome)),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>The server's Retry-After (capped), or null for the strategy's own back-off.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } at ? at - time.GetUtcNow() : null);
        return wait is { } w && w > TimeSpan.Zero ? (w < max ? w : max) : null;
    }
}

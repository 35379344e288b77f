using Polly;

namespace Aria.Billing.Client.Resilience;

/// <summary>
/// Sends each request through the resilience pipeline; a GET, or a request marked repeatable, may be retried. The pipeline
/// comes from the registry and outlives the handler: every handler chain of one client name shares its circuit breaker.
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var repeatable = request.Method == HttpMethod.Get || (request.Options.TryGetValue(AriaResilience.Repeatable, out var marked) && marked);
            context.Properties.Set(AriaResilience.RepeatableKey, repeatable);
            var outcome = await pipeline.ExecuteOutcomeAsync(
                async (ctx, state) =>
                {
                    try
                    {
                        // The body is read inside the attempt, so the attempt timeout covers it and nothing reads it later
                        // under a token the pipeline has let go of.
                        var response = await state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                        try
                        {
                            await response.Content.LoadIntoBufferAsync(ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                        }
                        catch
                        {
                            response.Dispose();
                            throw;
                        }

                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}

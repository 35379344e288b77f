using System.Globalization;
using System.Threading.RateLimiting;
using Aria.Billing.ReferenceHost.Api;

namespace Aria.Billing.ReferenceHost.Security;

/// <summary>
/// A token bucket per client number (configuration <c>AriaHost:RateLimit:PermitsPerSecond</c>, default 2000, and
/// <c>AriaHost:RateLimit:Burst</c>, default 2000; 0 turns it off): one client cannot starve the others. Over the limit is
/// 429 RATE_LIMITED with a Retry-After the typed client honours.
/// </summary>
public static class RateLimits
{
    /// <summary>The code of a refused request.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>Adds the limiter as configured.</summary>
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("AriaHost:RateLimit:PermitsPerSecond", 2000);
        var burst = configuration.GetValue("AriaHost:RateLimit:Burst", 2000);
        if (perSecond <= 0)
        {
            return services;
        }

        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
                Authentication.ClientNoOf(context.Request) ?? "",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, burst), TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0, AutoReplenishment = true,
                }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ApiErrors.Result(StatusCodes.Status429TooManyRequests, new AriaError(
                    AriaErrorCode.Symbolic(RateLimited), $"More than {perSecond} requests per second for this client; retry after {wait.TotalSeconds:0.#} s.", "client_no"))
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    /// <summary>Uses the limiter when it was added.</summary>
    public static IApplicationBuilder UseClientRateLimits(this WebApplication app) =>
        app.Configuration.GetValue("AriaHost:RateLimit:PermitsPerSecond", 2000) > 0 ? app.UseRateLimiter() : app;
}

using System.Globalization;
using System.Threading.RateLimiting;
using Aria.Billing.ReferenceHost.Api;

namespace Aria.Billing.ReferenceHost.Security;

/// <summary>
/// A token bucket per authenticated client (configuration <c>AriaHost:RateLimit:PermitsPerSecond</c>, default 2000, and
/// <c>AriaHost:RateLimit:Burst</c>, default 2000; 0 turns it off): one client cannot starve the others. The partition is
/// chosen after the key is checked, so a flood with a wrong key (or none) naming a real client number spends its own small
/// budget (<c>AriaHost:RateLimit:AnonymousPermitsPerSecond</c>, default 100, per remote address, spread over at most
/// <see cref="AnonymousBuckets"/> buckets), never the client's; a client number is its value, so <c>01000</c> is client 1000.
/// Over the limit is 429 RATE_LIMITED with a Retry-After the typed client honours.
/// </summary>
public static class RateLimits
{
    /// <summary>The code of a refused request.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The most buckets unauthenticated traffic is spread over (by remote address), so the partitions stay bounded.</summary>
    public const int AnonymousBuckets = 256;

    /// <summary>Adds the limiter as configured.</summary>
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("AriaHost:RateLimit:PermitsPerSecond", 2000);
        var burst = configuration.GetValue("AriaHost:RateLimit:Burst", 2000);
        var anonymous = Math.Max(1, configuration.GetValue("AriaHost:RateLimit:AnonymousPermitsPerSecond", 100));
        if (perSecond <= 0)
        {
            return services;
        }

        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var security = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<HostSecurityOptions>>().CurrentValue;
                if (Authentication.Authenticate(context, security) is { } caller)
                {
                    return RateLimitPartition.GetTokenBucketLimiter("client:" + caller.Client.Value.ToString(CultureInfo.InvariantCulture), _ => Bucket(perSecond, burst));
                }

                var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
                var bucket = (int)((uint)StringComparer.Ordinal.GetHashCode(address) % AnonymousBuckets);
                return RateLimitPartition.GetTokenBucketLimiter("anonymous:" + bucket.ToString(CultureInfo.InvariantCulture), _ => Bucket(anonymous, anonymous));
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ApiErrors.Result(StatusCodes.Status429TooManyRequests, new AriaError(
                    AriaErrorCode.Symbolic(RateLimited), $"Too many requests for this client (or, without a valid key, from this address); retry after {wait.TotalSeconds:0.#} s.", "client_no"))
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(1, burst), TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
    };

    /// <summary>Uses the limiter when it was added.</summary>
    public static IApplicationBuilder UseClientRateLimits(this WebApplication app) =>
        app.Configuration.GetValue("AriaHost:RateLimit:PermitsPerSecond", 2000) > 0 ? app.UseRateLimiter() : app;
}

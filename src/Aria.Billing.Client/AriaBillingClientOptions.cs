namespace Aria.Billing.Client;

/// <summary>Where the host is, who calls it, and how hard to try (configuration section <c>AriaBilling:Client</c>).</summary>
public sealed class AriaBillingClientOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AriaBilling:Client";

    /// <summary>The host's base address, e.g. <c>https://billing-host.internal/</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The client number every call names (<c>client_no</c>). Required.</summary>
    public long ClientNo { get; set; }

    /// <summary>The authorization key every call carries (<c>auth_key</c>). Required.</summary>
    public string AuthKey { get; set; } = "";

    /// <summary>Retries after the first attempt of a call that is safe to repeat. Default 4; 0 to 10.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's median delay; later ones grow exponentially, with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between attempts, including a server's Retry-After. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take across all its attempts and waits. Default 60 s; at least <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The share of failed attempts in <see cref="BreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the circuit may open. Default 10.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window the failure ratio is measured over. Default 30 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before letting one through. Default 15 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the waits poll. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The rules of these options, checked by <c>AddAriaBillingClient</c> (the first time the options are read, and on start).</summary>
    internal static OptionRules<AriaBillingClientOptions> Rules { get; } = new OptionRules<AriaBillingClientOptions>(SectionName)
        .Must(o => o.BaseAddress is { IsAbsoluteUri: true } ? null : $"{SectionName}:{nameof(BaseAddress)} is '{o.BaseAddress}'; it should be an absolute URI (http://host:port/).")
        .InRange(nameof(ClientNo), o => o.ClientNo, 1, long.MaxValue)
        .Required(nameof(AuthKey), o => o.AuthKey, "hold the client's key")
        .InRange(nameof(MaxRetryAttempts), o => o.MaxRetryAttempts, 0, 10)
        .InRange(nameof(RetryBaseDelay), o => o.RetryBaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10))
        .Must(o => o.RetryMaxDelay < o.RetryBaseDelay ? $"{SectionName}:{nameof(RetryMaxDelay)} is {o.RetryMaxDelay:c}; it should be at least {nameof(RetryBaseDelay)} ({o.RetryBaseDelay:c})." : null)
        .InRange(nameof(AttemptTimeout), o => o.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1))
        .Must(o => o.TotalTimeout < o.AttemptTimeout ? $"{SectionName}:{nameof(TotalTimeout)} is {o.TotalTimeout:c}; it should be at least {nameof(AttemptTimeout)} ({o.AttemptTimeout:c})." : null)
        .InRange(nameof(BreakerFailureRatio), o => o.BreakerFailureRatio, 0.01, 1.0)
        .InRange(nameof(BreakerMinimumThroughput), o => o.BreakerMinimumThroughput, 2, int.MaxValue)
        .InRange(nameof(BreakerSamplingDuration), o => o.BreakerSamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1))
        .InRange(nameof(BreakerBreakDuration), o => o.BreakerBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1))
        .InRange(nameof(PollInterval), o => o.PollInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
}

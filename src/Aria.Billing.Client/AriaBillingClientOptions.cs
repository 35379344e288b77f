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

    /// <summary>Why the options cannot be used, or an empty list.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (BaseAddress is not { IsAbsoluteUri: true })
        {
            problems.Add($"{SectionName}:BaseAddress should be an absolute URI.");
        }

        if (ClientNo < 1)
        {
            problems.Add($"{SectionName}:ClientNo should be a positive number.");
        }

        if (string.IsNullOrWhiteSpace(AuthKey))
        {
            problems.Add($"{SectionName}:AuthKey is required.");
        }

        if (MaxRetryAttempts is < 0 or > 10)
        {
            problems.Add($"{SectionName}:MaxRetryAttempts should be in range [0-10].");
        }

        if (RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            problems.Add($"{SectionName}:RetryBaseDelay should be positive and at most RetryMaxDelay.");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            problems.Add($"{SectionName}:AttemptTimeout should be positive and at most TotalTimeout.");
        }

        if (BreakerFailureRatio is <= 0 or > 1 || BreakerMinimumThroughput < 2 || BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add($"{SectionName}:Breaker* should be a ratio in (0-1], a throughput of at least 2 and durations of at least 500 ms.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:PollInterval should be positive.");
        }

        return problems;
    }
}

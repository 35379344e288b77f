namespace Aria.Billing.ReferenceHost.Background;

/// <summary>
/// The bounds of the host's shared background capacity (configuration <c>AriaHost:Background</c>, issue #15 item 5): the
/// bulk reprocesses, job runs and run reprocesses that requests start and answer 202 for.
/// </summary>
public sealed class BackgroundWorkOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AriaHost:Background";

    /// <summary>How many pieces of background work run at once in this process, all clients together.</summary>
    /// <value>Default 2; 1 to 64.</value>
    public int Concurrency { get; set; } = 2;

    /// <summary>How many pieces of one client's work run at once: the rest of <see cref="Concurrency"/> stays for the other clients.</summary>
    /// <value>Default 1; 1 to <see cref="Concurrency"/>.</value>
    public int PerClientConcurrency { get; set; } = 1;

    /// <summary>How many pieces of work one client may have waiting; one more is refused with 429 BACKGROUND_QUEUE_FULL.</summary>
    /// <value>Default 50; 1 to 10,000.</value>
    public int PerClientCapacity { get; set; } = 50;

    /// <summary>How many pieces of work may wait, all clients together; one more is refused with 429 BACKGROUND_QUEUE_FULL.</summary>
    /// <value>Default 1,000; 1 to 100,000.</value>
    public int Capacity { get; set; } = 1_000;

    /// <summary>How long a refused caller is told to wait (the Retry-After header).</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The rules of these options, naming the bad value.</summary>
    internal IEnumerable<string> Problems()
    {
        if (Concurrency is < 1 or > 64)
        {
            yield return $"{SectionName}:Concurrency is {Concurrency}; it should be in range [1-64].";
        }

        if (PerClientConcurrency < 1 || PerClientConcurrency > Concurrency)
        {
            yield return $"{SectionName}:PerClientConcurrency is {PerClientConcurrency}; it should be in range [1-{Concurrency}] (Concurrency).";
        }

        if (PerClientCapacity is < 1 or > 10_000)
        {
            yield return $"{SectionName}:PerClientCapacity is {PerClientCapacity}; it should be in range [1-10000].";
        }

        if (Capacity is < 1 or > 100_000)
        {
            yield return $"{SectionName}:Capacity is {Capacity}; it should be in range [1-100000].";
        }

        if (RetryAfter < TimeSpan.FromSeconds(1) || RetryAfter > TimeSpan.FromHours(1))
        {
            yield return $"{SectionName}:RetryAfter is {RetryAfter}; it should be in range [00:00:01-01:00:00].";
        }
    }
}

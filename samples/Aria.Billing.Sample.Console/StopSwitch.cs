namespace Aria.Billing.Sample;

/// <summary>
/// <c>--stop-after N</c>: ends the process abruptly, as a crash or a kill would, when the reprocess has handled N records,
/// so that the next run shows what the store keeps: nothing lost, nothing done twice.
/// </summary>
internal sealed class StopSwitch(int? after)
{
    private int _handled;

    /// <summary>The exit code of the simulated stop.</summary>
    public const int ExitCode = 75;

    /// <summary>Whether the reprocess is running (ingest is not counted).</summary>
    public bool Armed { get; set; }

    /// <summary>Counts one handled record, and stops the process at the limit.</summary>
    public void Tick()
    {
        if (Armed && after is { } limit && ++_handled >= limit)
        {
            Console.Out.WriteLine($"   -- stopping abruptly after {limit} reprocessed records (--stop-after): run the sample again to resume --");
            Console.Out.Flush();
            Environment.Exit(ExitCode);
        }
    }
}

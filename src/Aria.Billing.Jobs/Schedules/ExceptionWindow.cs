using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// A span in which no run of a schedule starts: a run due inside it starts when it ends. Each run it holds back keeps its
/// own run date (several may start together at its end); none is merged or dropped.
/// </summary>
/// <param name="Start">The first instant of the window.</param>
/// <param name="End">The first instant after the window.</param>
public readonly record struct ExceptionWindow(Instant Start, Instant End)
{
    /// <summary>Whether <paramref name="instant"/> falls in the window.</summary>
    public bool Contains(Instant instant) => instant >= Start && instant < End;
}

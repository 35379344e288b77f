namespace Aria.Billing.ReferenceHost.Background;

/// <summary>The background queue at one moment.</summary>
/// <param name="Waiting">Pieces of work waiting (queued or reserved), all clients.</param>
/// <param name="Running">Pieces running now.</param>
/// <param name="FullClients">Clients whose own queue is full.</param>
/// <param name="Full">Whether the whole queue is full.</param>
public sealed record BackgroundQueueState(int Waiting, int Running, int FullClients, bool Full)
{
    /// <summary>Whether a request would be refused for some client: the whole queue or a client's queue is full.</summary>
    public bool Saturated => Full || FullClients > 0;
}

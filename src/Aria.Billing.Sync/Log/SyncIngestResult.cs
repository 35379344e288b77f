namespace Aria.Billing.Sync;

/// <summary>What a bulk ingest did with one message (<see cref="SyncLog.IngestManyAsync"/>).</summary>
/// <param name="Record">The record as stored after this call: processed when <paramref name="Created"/>, else as it was found.</param>
/// <param name="Created">Whether this message created the record (false: its event id was stored already or came earlier in the batch).</param>
public sealed record SyncIngestResult(SyncRecord Record, bool Created);

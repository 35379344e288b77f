namespace Aria.Billing.Sync;

/// <summary>
/// Dispatches records to a handler per object type number; a type with no handler fails with
/// PROCESS_NOT_DEFINED_FOR_GATEWAY_OBJECT_TYPE, as the spec's catalog describes.
/// </summary>
public sealed class SyncHandlerMap : ISyncRecordHandler
{
    private readonly Dictionary<int, ISyncRecordHandler> _handlers = [];

    /// <summary>Routes object type <paramref name="objectType"/> to <paramref name="handler"/>.</summary>
    public SyncHandlerMap Map(int objectType, ISyncRecordHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[objectType] = handler;
        return this;
    }

    /// <inheritdoc />
    public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _handlers.TryGetValue(record.ObjectType, out var handler)
            ? handler.HandleAsync(record, cancellationToken)
            : ValueTask.FromResult(SyncOutcome.Error(
                SyncErrorCodes.ProcessNotDefinedForGatewayObjectType,
                $"No process is defined for object type {record.ObjectType} ({record.ObjectName})."));
    }
}

using Microsoft.Extensions.Hosting;

namespace Aria.Billing.Storage;

/// <summary>
/// Brings the schema to the latest version when the host starts, before any other hosted service runs (does nothing when
/// given no database: migration at start is switched off).
/// </summary>
internal sealed class MigrateOnStartService(SqlDatabase? database) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => database?.EnsureMigratedAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

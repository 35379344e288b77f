using System.Globalization;
using System.Text;

namespace Aria.Billing.ReferenceHost.Demo;

/// <summary>
/// Counts the demo handlers' invocations for the chaos test (issue #15 item 10): with <c>AriaHost:Demo:InvocationLog</c> set to
/// a file path, every sync record handled and every work item processed appends one line to it (<c>sync client domain
/// event_id</c>, <c>item run_id job key</c>), written through to the operating system before the handler returns, so the
/// lines survive a kill -9 of the host. Off (no file) by default.
/// </summary>
public sealed class DemoInvocationLog : IDisposable
{
    private readonly FileStream? _file;
    private readonly object _gate = new();

    /// <summary>The log configured in <paramref name="configuration"/>, or none.</summary>
    public DemoInvocationLog(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["AriaHost:Demo:InvocationLog"] is { Length: > 0 } path)
        {
            _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        }
    }

    /// <summary>Appends a line for a handled sync record.</summary>
    public void Sync(ClientNumber client, Aria.Billing.Sync.SyncDomain domain, string eventId) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"sync {client.Value} {domain} {eventId}\n"));

    /// <summary>Appends a line for a processed work item.</summary>
    public void Item(Guid run, int job, string key) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"item {run:N} {job} {key}\n"));

    /// <inheritdoc />
    public void Dispose() => _file?.Dispose();

    private void Write(string line)
    {
        if (_file is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            _file.Write(bytes);
            _file.Flush(); // to the OS: a kill -9 of this process does not lose it
        }
    }
}

using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// A schedule definition as a store keeps it: the client, its name, and the definition in the host's own text form
/// (for example JSON), so that every node of a host sees the schedules any node defined.
/// </summary>
/// <param name="Client">The client the schedule belongs to.</param>
/// <param name="Name">The schedule's name, unique per client.</param>
/// <param name="Definition">The definition, opaque to the store.</param>
/// <param name="SavedAt">When it was last saved.</param>
/// <param name="SavedBy">Who saved it.</param>
public sealed record StoredSchedule(ClientNumber Client, string Name, string Definition, Instant SavedAt, string SavedBy);

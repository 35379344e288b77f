using Aria.Billing.Jobs;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>The calling key: its client, its name and, per module (sync, plans, jobs, invoicing), what its role allows (read, create, edit, delete).</summary>
public sealed record ConsoleSessionDto(long ClientNo, string KeyName, IReadOnlyDictionary<string, IReadOnlyList<string>> Access);

/// <summary>One job of a run with the counts of its work items.</summary>
public sealed record JobStatisticsDto(
    int Index, string Name, BatchStatus Status, int BatchStatusCd, int Pending, int Running, int Completed, int Failed, string? StartedAt, string? FinishedAt);

/// <summary>ERROR records per day (of their event time, in the client's zone) per object and action, from <c>from</c> to <c>to</c> (today), both included.</summary>
public sealed record ErrorsDailyDto(string From, string To, IReadOnlyList<ErrorSeriesDto> Series);

/// <summary>The days with ERROR records of one object and action.</summary>
public sealed record ErrorSeriesDto(string ObjectName, string ActionName, IReadOnlyList<ErrorDayDto> Days);

/// <summary>The ERROR records of one day.</summary>
public sealed record ErrorDayDto(string Day, long Count);

/// <summary>A queued plan change with the actions offered on it: allowed by the queue's rules and by the key's role.</summary>
public sealed record QueueEntryDto(PlanChangeDto Change, bool CanExecute, bool CanChangeDate, bool CanDelete);

/// <summary>An account's queue (effective-date order) and the history of its executed and deleted changes (latest first).</summary>
public sealed record PlanQueueDto(long AccountNo, IReadOnlyList<QueueEntryDto> Queued, IReadOnlyList<PlanChangeDto> History);

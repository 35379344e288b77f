using System.Data.Common;

namespace Aria.Billing.Storage;

/// <summary>How a <see cref="PlanChange"/> maps to a row.</summary>
internal static class PlanChangeRows
{
    /// <summary>Every column, in the order <see cref="Read"/> expects and the insert binds.</summary>
    internal const string Columns =
        "id, client, account_no, instance_no, parent_instance_no, plan_kind, kind, timing, effective_date, parent_change_id, new_plan_no, units, " +
        "new_status, rate_schedule, billing_group, queued_at, queued_by, state, closed_at, closed_by, reason, last_error, attempts, claimed_by, " +
        "claim_expires_at, version";

    /// <summary>The change in the current row.</summary>
    internal static PlanChange Read(DbDataReader r) => new()
    {
        Id = r.GetGuid(0),
        Client = new ClientNumber(r.GetInt64(1)),
        Account = new AccountNumber(r.GetInt64(2)),
        Instance = new PlanInstanceNumber(r.GetInt64(3)),
        ParentInstance = r.GetInt64OrNull(4) is { } parent ? new PlanInstanceNumber(parent) : null,
        PlanKind = (PlanKind)r.GetInt32(5),
        Kind = (PlanChangeKind)r.GetInt32(6),
        Timing = (PlanChangeTiming)r.GetInt32(7),
        EffectiveDate = SqlCommands.Date(r.GetInt32(8)),
        ParentChangeId = r.GetGuidOrNull(9),
        NewPlan = r.GetInt64OrNull(10) is { } plan ? new PlanNumber(plan) : null,
        Units = r.IsDBNull(11) ? null : r.GetDecimal(11),
        NewStatus = r.IsDBNull(12) ? null : r.GetInt32(12),
        RateSchedule = r.GetInt64OrNull(13),
        BillingGroup = r.GetStringOrNull(14),
        QueuedAt = r.GetInstant(15),
        QueuedBy = r.GetString(16),
        State = (PlanChangeState)r.GetInt32(17),
        ClosedAt = r.GetInstantOrNull(18),
        ClosedBy = r.GetStringOrNull(19),
        Reason = r.GetStringOrNull(20),
        LastError = r.GetStringOrNull(21),
        Attempts = r.GetInt32(22),
        ClaimedBy = r.GetStringOrNull(23),
        ClaimExpiresAt = r.GetInstantOrNull(24),
        Version = r.GetInt64(25),
    };

    /// <summary>Binds every column of <paramref name="c"/> (the version as given).</summary>
    internal static DbCommand WithChange(this DbCommand command, PlanChange c) => command
        .With("id", c.Id)
        .With("client", c.Client.Value)
        .With("account_no", c.Account.Value)
        .With("instance_no", c.Instance.Value)
        .With("parent_instance_no", c.ParentInstance?.Value)
        .With("plan_kind", (int)c.PlanKind)
        .With("kind", (int)c.Kind)
        .With("timing", (int)c.Timing)
        .With("effective_date", SqlCommands.Day(c.EffectiveDate))
        .With("parent_change_id", c.ParentChangeId)
        .With("new_plan_no", c.NewPlan?.Value)
        .With("units", c.Units)
        .With("new_status", c.NewStatus)
        .With("rate_schedule", c.RateSchedule)
        .With("billing_group", c.BillingGroup)
        .With("queued_at", SqlCommands.Ticks(c.QueuedAt))
        .With("queued_by", c.QueuedBy)
        .With("state", (int)c.State)
        .With("closed_at", SqlCommands.Ticks(c.ClosedAt))
        .With("closed_by", c.ClosedBy)
        .With("reason", c.Reason)
        .With("last_error", c.LastError)
        .With("attempts", c.Attempts)
        .With("claimed_by", c.ClaimedBy)
        .With("claim_expires_at", SqlCommands.Ticks(c.ClaimExpiresAt))
        .With("version", c.Version);
}

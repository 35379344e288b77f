using System.Data.Common;

namespace Aria.Billing.Storage;

using C = PlanChangeColumn;

/// <summary>How a <see cref="PlanChange"/> maps to a row.</summary>
internal static class PlanChangeRows
{
    /// <summary>Every column, in the order <see cref="Read"/> expects and the insert binds.</summary>
    internal static readonly string Columns = SqlCommands.ColumnList<PlanChangeColumn>();

    /// <summary>The change in the current row.</summary>
    internal static PlanChange Read(DbDataReader r) => new()
    {
        Id = r.GetGuid((int)C.Id),
        Client = new ClientNumber(r.GetInt64((int)C.Client)),
        Account = new AccountNumber(r.GetInt64((int)C.AccountNo)),
        Instance = new PlanInstanceNumber(r.GetInt64((int)C.InstanceNo)),
        ParentInstance = r.GetInt64OrNull((int)C.ParentInstanceNo) is { } parent ? new PlanInstanceNumber(parent) : null,
        PlanKind = (PlanKind)r.GetInt32((int)C.PlanKind),
        Kind = (PlanChangeKind)r.GetInt32((int)C.Kind),
        Timing = (PlanChangeTiming)r.GetInt32((int)C.Timing),
        EffectiveDate = SqlCommands.Date(r.GetInt32((int)C.EffectiveDate)),
        ParentChangeId = r.GetGuidOrNull((int)C.ParentChangeId),
        NewPlan = r.GetInt64OrNull((int)C.NewPlanNo) is { } plan ? new PlanNumber(plan) : null,
        Units = r.IsDBNull((int)C.Units) ? null : r.GetDecimal((int)C.Units),
        NewStatus = r.IsDBNull((int)C.NewStatus) ? null : r.GetInt32((int)C.NewStatus),
        RateSchedule = r.GetInt64OrNull((int)C.RateSchedule),
        BillingGroup = r.GetStringOrNull((int)C.BillingGroup),
        QueuedAt = r.GetInstant((int)C.QueuedAt),
        QueuedBy = r.GetString((int)C.QueuedBy),
        State = (PlanChangeState)r.GetInt32((int)C.State),
        ClosedAt = r.GetInstantOrNull((int)C.ClosedAt),
        ClosedBy = r.GetStringOrNull((int)C.ClosedBy),
        Reason = r.GetStringOrNull((int)C.Reason),
        LastError = r.GetStringOrNull((int)C.LastError),
        Attempts = r.GetInt32((int)C.Attempts),
        ClaimedBy = r.GetStringOrNull((int)C.ClaimedBy),
        ClaimExpiresAt = r.GetInstantOrNull((int)C.ClaimExpiresAt),
        Version = r.GetInt64((int)C.Version),
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

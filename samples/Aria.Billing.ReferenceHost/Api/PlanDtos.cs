using Aria.Billing.Plans.Queue;
using Aria.Billing.Plans;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>A change to queue for a plan instance.</summary>
public sealed record QueueChangeDto(
    long? AccountNo, long? PlanInstanceNo, long? ParentPlanInstanceNo, string? PlanKind, string? Kind, string? Timing, string? EffectiveDate,
    long? NewPlanNo, decimal? Units, string? NewStatus, long? RateScheduleNo, bool Proceed);

/// <summary>A queued (or executed, or deleted) plan change.</summary>
public sealed record PlanChangeDto(
    Guid Id, long AccountNo, long PlanInstanceNo, long? ParentPlanInstanceNo, PlanKind PlanKind, PlanChangeKind Kind, PlanChangeTiming Timing,
    string EffectiveDate, PlanChangeState State, string QueuedBy, string QueuedAt, string? ClosedBy, string? ClosedAt, string? Reason, Guid? ParentChangeId)
{
    /// <summary>The change.</summary>
    public static PlanChangeDto From(PlanChange c) => new(
        c.Id, c.Account.Value, c.Instance.Value, c.ParentInstance?.Value, c.PlanKind, c.Kind, c.Timing, c.EffectiveDate.ToString("uuuu-MM-dd", null), c.State,
        c.QueuedBy, c.QueuedAt.ToString(), c.ClosedBy, c.ClosedAt?.ToString(), c.Reason, c.ParentChangeId);
}

/// <summary>A new effective date.</summary>
public sealed record ChangeDateDto(string? EffectiveDate);

/// <summary>The inputs of a proration preview.</summary>
public sealed record ProrationPreviewDto(
    int? BillDay, int? IntervalMonths, string? Currency, string? OldRate, decimal? OldUnits, string? NewRate, decimal? NewUnits, string? EffectiveDate,
    string? Policy, string? AltProrationStartDate);

/// <summary>The inputs of an invoice-plan preview.</summary>
public sealed record InvoicePlanPreviewDto(int? BillDay, int? IntervalMonths, string? FirstUninvoicedPeriodStart, string? AsOf, int? BillLagDays, int? CombineInvoices);

/// <summary>
/// The outcome of the replace-plan validation: the directive in force and its effect, and what the request named, resolved
/// against the billing system (account, plan instance and its kind, new plan, the account's currency after the change), and
/// the lines the replaced plan's cancellation invoices whatever the directive.
/// </summary>
public sealed record ReplacePlanDto(
    int AssignmentDirective, ChangeTiming Timing, ProrationPolicy Proration, string? EffectiveDate, bool IsDefault,
    long AcctNo, long PlanInstanceNo, PlanKind PlanKind, long NewPlanNo, string Currency, bool ChangesCurrency,
    IReadOnlyList<CancellationChargeDto> InvoicedAtCancellation);

/// <summary>A charge invoiced at the replaced plan's cancellation: usage or recurring in arrears, or the cancellation fee, with its <c>line_type</c>.</summary>
public sealed record CancellationChargeDto(CancellationChargeKind Kind, long? ServiceNo, int LineType);

/// <summary>A change queued, with the warnings its rules raised (a parent that will void it, an ignored bill lag …).</summary>
public sealed record QueuedChangeDto(PlanChangeDto Change, IReadOnlyList<string> Warnings);

/// <summary>
/// A proration quote: the period the change falls in (yyyy-MM-dd, end exclusive), its days and those remaining, where the prorated
/// span starts, the credit of the old plan, the charge of the new one and the net, in <c>currency</c>.
/// </summary>
public sealed record ProrationQuoteDto(
    string PeriodStart, string PeriodEnd, int PeriodDays, int DaysRemaining, string SpanStart, decimal Credit, decimal Charge, decimal Net, string Currency);

/// <summary>The invoices due: how many periods, whether they are combined, and each invoice with the periods it covers.</summary>
public sealed record InvoicePlanDto(int PeriodsDue, CombineInvoices Combine, IReadOnlyList<PlannedInvoiceDto> Invoices);

/// <summary>One invoice of an invoice plan: its date and the periods it covers.</summary>
public sealed record PlannedInvoiceDto(string InvoiceDate, IReadOnlyList<CoveredPeriodDto> Covers);

/// <summary>A period an invoice covers (yyyy-MM-dd, end exclusive), from which day, and how many days.</summary>
public sealed record CoveredPeriodDto(string PeriodStart, string PeriodEnd, string From, int Days);

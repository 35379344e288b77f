namespace Aria.Billing.Plans;

/// <summary>One <c>mp_surcharges</c> row of a replace-plan request, as text.</summary>
/// <param name="SurchargeNo"><c>mp_surcharge_no</c>.</param>
/// <param name="RateScheduleNo"><c>mp_rate_schedule_no</c>: one of the surcharge's rate schedules, if given.</param>
/// <param name="Directive"><c>mp_surcharge_directive</c> for this surcharge: 1 apply, 2 remove; blank for the request's.</param>
public sealed record SurchargeInput(string? SurchargeNo, string? RateScheduleNo = null, string? Directive = null);

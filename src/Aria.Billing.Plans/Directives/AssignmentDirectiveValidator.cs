using Aria.Billing.Plans.Internal;
using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>
/// Checks the assignment directive of a plan change against the spec's rules (replace-acct-plan-m.txt,
/// <c>assignment_directive</c>, error codes 1010, 1024, 1035, 1101, 14023, 14024, 14025, 14026) and returns every error found.
/// </summary>
public sealed class AssignmentDirectiveValidator
{
    private readonly PlansOptions _options;

    /// <summary>A validator for a client's settings.</summary>
    public AssignmentDirectiveValidator(PlansOptions options)
    {
        PlansOptions.Rules.ThrowIfInvalid(options, nameof(options));
        _options = options;
    }

    /// <summary>Validates <paramref name="request"/>; <paramref name="today"/> is the date in the client's time zone.</summary>
    public AriaResult<ResolvedDirective> Validate(DirectiveRequest request, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<AriaError>();
        var warnings = new List<AriaWarning>();

        var code = request.AssignmentDirective ?? _options.DefaultAssignmentDirective;
        var parsed = AssignmentDirective.FromCode(code);
        if (parsed.IsFailure)
        {
            // Without a directive the effective date's need is unknown, but a malformed one is still reported.
            errors.AddRange(parsed.Errors);
            if (!string.IsNullOrWhiteSpace(request.EffectiveDate)
                && !InputParser.TryParseDate(request.EffectiveDate, "effective_date", PlanErrorCodes.InvalidEffectiveDate, out _, out var dateError))
            {
                errors.Add(dateError!);
            }

            return AriaResult.Failure<ResolvedDirective>(errors);
        }

        var directive = parsed.Value;
        CheckSupplementalRestrictions(request, directive, errors);

        if (request.PlanKind == PlanKind.Master && request.Operation != PlanOperation.Cancel
            && directive.Proration == ProrationPolicy.CreditsOnly && request.AssignsChargingMandatoryChild)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.CreditOnlyWithChargingMandatoryChild,
                ManualText.Compose(ManualText.CreditOnlyWithChargingMandatoryChild, $"Directive {code} prorates credits only."),
                "assignment_directive"));
        }

        var effectiveDate = CheckEffectiveDate(request, directive, today, errors, warnings);

        if (request.OffsetInterval is { } offset)
        {
            if (offset <= 0)
            {
                errors.Add(new AriaError(PlanErrorCodes.OffsetIntervalNotPositive, ManualText.Compose(ManualText.OffsetIntervalNotPositive, $"got {offset}."), "offset_interval"));
            }

            if (directive.Timing != ChangeTiming.Anniversary)
            {
                errors.Add(new AriaError(
                    PlanErrorCodes.OffsetIntervalWithNonAnniversaryDirective,
                    $"Invalid Offset Interval and Assignment Directive combination. offset_interval applies only to the anniversary directive 1, not {code}.",
                    "offset_interval",
                    "assignment_directive"));
            }
        }

        if (!request.DoWrite && directive.Timing == ChangeTiming.Anniversary)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.PreviewOfAnniversaryChange,
                "Invalid do_write and assignment directive combination for queuing Plan. A preview (do_write=false) cannot be done for a change queued for the anniversary.",
                "assignment_directive",
                "do_write"));
        }

        if (errors.Count > 0)
        {
            return AriaResult.Failure<ResolvedDirective>(errors, warnings);
        }

        var resolved = new ResolvedDirective(
            directive,
            directive.EffectiveProration(_options.ProrateMidPeriodChanges),
            effectiveDate,
            request.AssignmentDirective is null);
        return AriaResult.Success(resolved, warnings);
    }

    private static void CheckSupplementalRestrictions(DirectiveRequest request, AssignmentDirective directive, List<AriaError> errors)
    {
        if (request.PlanKind != PlanKind.Supplemental)
        {
            return;
        }

        var cancels = request.Operation is PlanOperation.Cancel or PlanOperation.Replace;
        var assigns = request.Operation is PlanOperation.Assign or PlanOperation.Replace;
        if (cancels && directive.Proration == ProrationPolicy.ChargesOnly)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.InvalidAssignmentDirective,
                $"Invalid Assignment Directive: {directive.Code} (proration for charges only) is not permitted when cancelling a supplemental plan.",
                "assignment_directive"));
        }

        if (assigns && directive.Proration == ProrationPolicy.CreditsOnly)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.InvalidAssignmentDirective,
                $"Invalid Assignment Directive: {directive.Code} (proration for credits only) is not permitted when assigning a supplemental plan.",
                "assignment_directive"));
        }
    }

    private static LocalDate? CheckEffectiveDate(
        DirectiveRequest request, AssignmentDirective directive, LocalDate today, List<AriaError> errors, List<AriaWarning> warnings)
    {
        var given = !string.IsNullOrWhiteSpace(request.EffectiveDate);
        if (directive.Timing != ChangeTiming.EffectiveDate)
        {
            if (given)
            {
                warnings.Add(new AriaWarning(
                    PlanWarningCodes.EffectiveDateIgnored,
                    $"effective_date is ignored: directive {directive.Code} takes effect {(directive.Timing == ChangeTiming.Anniversary ? "on the anniversary" : "immediately")}."));
            }

            return null;
        }

        if (!given)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.MissingRequiredParameter,
                $"Missing input: effective_date is required with assignment_directive {directive.Code}.",
                "effective_date"));
            return null;
        }

        if (!InputParser.TryParseDate(request.EffectiveDate!, "effective_date", PlanErrorCodes.InvalidEffectiveDate, out var date, out var error))
        {
            errors.Add(error!);
            return null;
        }

        if (date <= today)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.InvalidEffectiveDate,
                ManualText.Compose(ManualText.InvalidEffectiveDate, $"{date:uuuu-MM-dd} is not after today ({today:uuuu-MM-dd})."),
                "effective_date"));
            return null;
        }

        return date;
    }
}

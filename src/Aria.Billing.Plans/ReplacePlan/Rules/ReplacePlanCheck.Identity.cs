using Aria.Billing.Plans.Internal;
using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans;

/// <summary>Who and what the request names: the client, the account, the instance replaced and the new plan.</summary>
internal sealed partial class ReplacePlanCheck
{
    /// <summary>1010: the required inputs and one-of pairs (spec: "Required Fields").</summary>
    private void Required()
    {
        RequiredOne(_request.ClientNo, "client_no");
        RequiredOne(_request.AuthKey, "auth_key");
        OneOf(_request.AcctNo, "acct_no", _request.ClientAcctId, "client_acct_id");
        OneOf(_request.PlanInstanceNo, "plan_instance_no", _request.ClientPlanInstanceId, "client_plan_instance_id");
        OneOf(_request.NewPlanNo, "new_plan_no", _request.NewClientPlanId, "new_client_plan_id");

        void RequiredOne(string? value, string input)
        {
            if (!Given(value))
            {
                _errors.Add(new AriaError(PlanErrorCodes.MissingRequiredParameter, $"Missing input: {input} is required.", input));
            }
        }

        void OneOf(string? first, string firstInput, string? second, string secondInput)
        {
            if (!Given(first) && !Given(second))
            {
                _errors.Add(new AriaError(PlanErrorCodes.MissingRequiredParameter, $"Missing input: {firstInput} or {secondInput} is required.", firstInput, secondInput));
            }
        }
    }

    /// <summary>1004: <c>client_no</c> names the client whose facts the request is validated against.</summary>
    private void Client()
    {
        if (Given(_request.ClientNo) && (!TryPositive(_request.ClientNo, out var number) || number != _context.Client.Value))
        {
            Add(PlanErrorCodes.AuthenticationError, ManualText.AuthenticationError, $"client_no {Quote(_request.ClientNo!)} is not client {_context.Client}, whose key and facts the request comes with.", "client_no");
        }
    }

    /// <summary>
    /// 1001: the snapshot contradicts itself — an instance on a plan the catalog lacks, a parent that is not an instance of the
    /// account, a loop of parents, an account without a currency. Nothing else about the instances can be trusted then.
    /// </summary>
    private void Consistency()
    {
        var problems = new List<string>();
        if (_context.Account is { } account && account.Currency.Code is null)
        {
            problems.Add($"account {account.Number} has no currency");
        }

        foreach (var instance in Instances.ByNumber.Values.OrderBy(i => i.Number.Value))
        {
            if (!Catalog.Plans.ContainsKey(instance.Plan))
            {
                problems.Add($"plan instance {instance.Number} is on plan {instance.Plan}, which the catalog lacks");
            }

            if (instance.Parent is { } parent && !Instances.ByNumber.ContainsKey(parent))
            {
                problems.Add($"the parent {parent} of plan instance {instance.Number} is not an instance of the account");
            }
            else if (MasterOf(instance) is null)
            {
                problems.Add($"the parents of plan instance {instance.Number} form a loop");
            }
        }

        if (problems.Count > 0)
        {
            _consistent = false;
            Add(PlanErrorCodes.UnexpectedError, ManualText.UnexpectedError, "the billing system's facts are inconsistent: " + string.Join("; ", problems.Take(3)) + (problems.Count > 3 ? " …" : "") + ".");
        }
    }

    /// <summary>The master plan instance above <paramref name="instance"/> (itself for a master), or null for a broken or looping chain.</summary>
    private PlanInstanceFacts? MasterOf(PlanInstanceFacts instance)
    {
        var current = instance;
        for (var steps = 0; steps <= Instances.ByNumber.Count; steps++)
        {
            if (current.Parent is not { } parent)
            {
                return current;
            }

            if (!Instances.ByNumber.TryGetValue(parent, out var next) || next is null)
            {
                return null;
            }

            current = next;
        }

        return null;
    }

    /// <summary>1009, 1049, 14077: the account exists under the number and id given, and its status allows plan changes.</summary>
    private void Account()
    {
        var account = _context.Account;
        if (Given(_request.AcctNo) && (!TryPositive(_request.AcctNo, out var number) || account is null || account.Number.Value != number))
        {
            _errors.Add(new AriaError(PlanErrorCodes.AccountDoesNotExist, $"{ManualText.AccountNotFoundByNumber} ({InputParser.Shorten(_request.AcctNo!.Trim())}).", "acct_no"));
            return;
        }

        var clientId = Clean(_request.ClientAcctId);
        if (clientId is not null && (account is null || !string.Equals(account.ClientAccountId, clientId, StringComparison.Ordinal)))
        {
            _errors.Add(new AriaError(PlanErrorCodes.AccountDoesNotExist, $"{ManualText.AccountNotFoundByClientId} ({InputParser.Shorten(clientId)}).", "client_acct_id"));
            return;
        }

        if (account is null || (!Given(_request.AcctNo) && clientId is null) || !_consistent)
        {
            return;
        }

        _account = account;
        if (account.Status is AccountStatus.Inactive or AccountStatus.Archived)
        {
            _errors.Add(new AriaError(
                PlanErrorCodes.AccountStatusBlocksChanges,
                $"{ManualText.CannotAddAssignmentForStatus} {Text((int)account.Status)} ({ManualText.AccountStatusBlocksChanges})."));
        }
        else if ((int)account.Status < 0)
        {
            Add(PlanErrorCodes.AccountStatusBlocksProvisioning, ManualText.AccountStatusBlocksProvisioning, $"Account {account.Number} has status code {Text((int)account.Status)} ({account.Status}).");
        }

        if (account.Dunning != DunningState.None)
        {
            Add(PlanErrorCodes.AccountStatusBlocksChanges, ManualText.AccountStatusBlocksChanges, $"account {account.Number} is in dunning ({account.Dunning}).");
        }
    }

    /// <summary>14046, 14047, 14112, 14060, 14079, 14101: the instance replaced is the account's, and may be replaced alone.</summary>
    private void Instance()
    {
        if (_account is null)
        {
            return;
        }

        PlanInstanceFacts? found = null;
        if (Given(_request.PlanInstanceNo))
        {
            if (!TryPositive(_request.PlanInstanceNo, out var number))
            {
                Add(PlanErrorCodes.InvalidPlanInstanceNumber, ManualText.InvalidPlanInstanceNumber, $"plan_instance_no {Quote(_request.PlanInstanceNo!)} is not a plan instance number.", "plan_instance_no");
                return;
            }

            var key = new PlanInstanceNumber(number);
            if (!Instances.ByNumber.TryGetValue(key, out found))
            {
                if (Instances.QueuedAssignments.TryGetValue(key, out var date))
                {
                    Add(PlanErrorCodes.InstanceInQueuedAssignment, ManualText.InstanceInQueuedAssignment, $"plan instance {key} is assigned on {date:uuuu-MM-dd} by a queued change; replace it once that assignment executes.", "plan_instance_no");
                }
                else
                {
                    Add(PlanErrorCodes.InvalidPlanInstanceNumber, ManualText.InvalidPlanInstanceNumber, $"{key} is not a plan instance of account {_account.Number}.", "plan_instance_no");
                }

                return;
            }
        }

        if (Clean(_request.ClientPlanInstanceId) is { } clientId)
        {
            if (!Instances.ByClientId.TryGetValue(clientId, out var byId))
            {
                Add(PlanErrorCodes.InvalidClientPlanInstanceId, ManualText.InvalidClientPlanInstanceId, $"{Quote(clientId)} is not a plan instance of account {_account.Number}.", "client_plan_instance_id");
                return;
            }

            if (found is not null && found.Number != byId.Number)
            {
                Add(PlanErrorCodes.InvalidClientPlanInstanceId, ManualText.InvalidClientPlanInstanceId, $"{Quote(clientId)} is plan instance {byId.Number}, not plan_instance_no {found.Number}.", "client_plan_instance_id");
                return;
            }

            found ??= byId;
        }

        if (found is null)
        {
            return;
        }

        _instance = found;
        _currentPlan = Catalog.Plans.GetValueOrDefault(found.Plan);
        _master = MasterOf(found);
        if (IsStopped(found.Status))
        {
            if (found.Kind == PlanKind.Master)
            {
                Add(PlanErrorCodes.InstanceStatusBlocksReplace, ManualText.InstanceStatusBlocksReplace, $"Master plan instance {found.Number} is {found.Status}.");
            }
            else
            {
                Add(PlanErrorCodes.SupplementalStatusBlocksProvisioning, ManualText.SupplementalStatusBlocksProvisioning, $"Plan instance {found.Number} is {found.Status}.");
            }
        }

        if (found.IsMandatoryChild)
        {
            Add(PlanErrorCodes.MandatoryChildReplaced, ManualText.MandatoryChildReplaced, $"Plan instance {found.Number} is a mandatory child of plan instance {found.Parent}.");
        }
    }

    /// <summary>14004, 14035, 14075, 14008, 14022: the new plan exists, suits the instance and keeps the account's plans compatible.</summary>
    private void NewPlan()
    {
        CatalogPlan? plan = null;
        var input = Given(_request.NewPlanNo) ? "new_plan_no" : "new_client_plan_id";
        if (Given(_request.NewPlanNo))
        {
            if (!TryPositive(_request.NewPlanNo, out var number) || !Catalog.Plans.TryGetValue(new PlanNumber(number), out plan) || plan is null)
            {
                Add(PlanErrorCodes.InvalidPlanNumber, ManualText.InvalidPlanNumber, $"new_plan_no {Quote(_request.NewPlanNo!)} is not a plan of the catalog.", "new_plan_no");
                return;
            }
        }

        if (Clean(_request.NewClientPlanId) is { } clientId)
        {
            if (!Catalog.PlansByClientId.TryGetValue(clientId, out var byId) || byId is null)
            {
                Add(PlanErrorCodes.InvalidClientPlanId, ManualText.InvalidClientPlanId, $"{Quote(clientId)} is not a plan of the catalog.", "new_client_plan_id");
                return;
            }

            if (plan is not null && plan.Number != byId.Number)
            {
                Add(PlanErrorCodes.InvalidClientPlanId, ManualText.InvalidClientPlanId, $"{Quote(clientId)} is plan {byId.Number}, not new_plan_no {plan.Number}.", "new_client_plan_id");
                return;
            }

            plan ??= byId;
        }

        if (plan is null)
        {
            return;
        }

        _newPlan = plan;
        if (_instance is not { } instance)
        {
            return;
        }

        if (instance.Kind == PlanKind.Master)
        {
            if (plan.Kind != PlanKind.Master)
            {
                Add(PlanErrorCodes.InvalidPlanNumber, ManualText.InvalidPlanNumber, $"plan {plan.Number} is a supplemental plan; master plan instance {instance.Number} takes a master plan.", input);
                _newPlan = null; // nothing more to check against a plan of the wrong kind
                return;
            }

            var ineligible = Instances.ByNumber.Values
                .Where(c => c.Parent == instance.Number && c.Status is not (PlanInstanceStatus.Cancelled or PlanInstanceStatus.Terminated) && !plan.SupplementalPlans.Contains(c.Plan))
                .OrderBy(c => c.Number.Value)
                .ToList();
            if (ineligible.Count > 0)
            {
                Add(PlanErrorCodes.SupplementalPlansNotEligible, ManualText.SupplementalPlansNotEligible, $"{string.Join(", ", ineligible.Take(5).Select(c => $"instance {c.Number} (plan {c.Plan})"))} under master plan instance {instance.Number} cannot stay under plan {plan.Number}.", input);
            }

            return;
        }

        var parentPlan = instance.Parent is { } parent && Instances.ByNumber.TryGetValue(parent, out var parentInstance)
            ? Catalog.Plans.GetValueOrDefault(parentInstance.Plan)
            : null;
        if (plan.Kind != PlanKind.Supplemental || parentPlan is null || !parentPlan.SupplementalPlans.Contains(plan.Number))
        {
            _newPlan = plan.Kind == PlanKind.Supplemental ? plan : null;
            Add(PlanErrorCodes.SupplementalPlanNotEligible, ManualText.SupplementalPlanNotEligible, plan.Kind != PlanKind.Supplemental
                ? $"plan {plan.Number} is a master plan; supplemental plan instance {instance.Number} takes a supplemental plan."
                : $"plan {plan.Number} is not eligible under plan instance {instance.Parent} (plan {parentPlan?.Number.ToString() ?? "unknown"}).", input);
            return;
        }

        foreach (var group in Catalog.SupplementalExclusionGroups.Where(g => g is not null && g.Contains(plan.Number)))
        {
            var conflict = Instances.ByNumber.Values
                .Where(o => o.Number != instance.Number && o.Kind == PlanKind.Supplemental && o.Plan != plan.Number && group.Contains(o.Plan)
                    && o.Status is not (PlanInstanceStatus.Cancelled or PlanInstanceStatus.Terminated) && MasterOf(o)?.Number == _master?.Number)
                .OrderBy(o => o.Number.Value)
                .FirstOrDefault();
            if (conflict is not null)
            {
                Add(PlanErrorCodes.ExclusionGroupViolated, ManualText.ExclusionGroupViolated, $"plan {plan.Number} excludes plan {conflict.Plan} of plan instance {conflict.Number} under the same master plan instance.", input);
                return;
            }
        }
    }

    /// <summary>14063: the client-defined id the instance takes is not another instance's.</summary>
    private void NewClientPlanInstanceId()
    {
        if (_account is not null && Clean(_request.NewClientPlanInstanceId) is { } id
            && Instances.ByClientId.TryGetValue(id, out var other) && other.Number != _instance?.Number)
        {
            Add(PlanErrorCodes.DuplicateClientPlanInstanceId, ManualText.DuplicateClientPlanInstanceId, $"{Quote(id)} is the id of plan instance {other.Number}.", "new_client_plan_instance_id");
        }
    }

    /// <summary>1034: a replacement by the same plan that changes nothing else.</summary>
    private void NothingToModify()
    {
        if (_instance is null || _newPlan is null || _newPlan.Number != _instance.Plan)
        {
            return;
        }

        string?[] changes =
        [
            _request.PlanUnits, _request.PlanStatus, _request.AltRateScheduleNo, _request.ClientAltRateScheduleId, _request.BillLagDays,
            _request.PromoCd, _request.NewClientPlanInstanceId, _request.PlanInstanceDescription, _request.SvcLocationNo,
            _request.ClientSvcLocationId, _request.DestContactNo, _request.AltClientAcctGroupId, _request.UsagePooling,
            _request.UsageThresholdApplicability, _request.UsageAccumulationResetMonths, _request.OffsetMonths,
        ];
        if (changes.Any(Given) || (_request.PlanInstanceFields?.Count ?? 0) > 0 || (_request.CustomRates?.Count ?? 0) > 0
            || (_request.CouponCodes?.Count ?? 0) > 0 || (_request.Surcharges?.Count ?? 0) > 0)
        {
            return;
        }

        Add(PlanErrorCodes.NoDataToModify, ManualText.NoDataToModify, $"plan instance {_instance.Number} is already on plan {_newPlan.Number} and nothing else changes.", Given(_request.NewPlanNo) ? "new_plan_no" : "new_client_plan_id");
    }
}

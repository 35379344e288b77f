using Aria.Billing.Plans.Internal;

namespace Aria.Billing.Plans;

/// <summary>What a replacement attaches to the instance: promotion, coupons, surcharges, service location, contact, account group.</summary>
internal sealed partial class ReplacePlanCheck
{
    /// <summary>14033: a promotion code of the client, or <c>~</c> to remove the instance's.</summary>
    private void PromoCode()
    {
        if (Clean(_request.PromoCd) is { } code && code != "~" && !Catalog.PromoCodes.Contains(code))
        {
            Add(PlanErrorCodes.InvalidPromoCode, ManualText.InvalidPromoCode, $"{Quote(code)} is not a promotion code of the client (pass '~' to remove the instance's).", "promo_cd");
        }
    }

    /// <summary>15001, 15002, 15011, 15012: each coupon exists, has not expired, may go on a master plan instance, and is not applied again.</summary>
    private void Coupons()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in (_request.CouponCodes ?? []).Select(Clean).OfType<string>())
        {
            if (!seen.Add(code))
            {
                Add(PlanErrorCodes.CouponAlreadyApplied, ManualText.CouponAlreadyApplied, $"{Quote(code)} is given twice.", "coupon_codes");
                continue;
            }

            if (!Catalog.Coupons.TryGetValue(code, out var coupon) || coupon is null)
            {
                Add(PlanErrorCodes.InvalidCouponCode, ManualText.InvalidCouponCode, $"{Quote(code)} is not a coupon of the client.", "coupon_codes");
                continue;
            }

            if (coupon.ExpiresOn is { } expires && expires < _context.Today)
            {
                Add(PlanErrorCodes.CouponExpired, ManualText.CouponExpired, $"{Quote(code)} expired on {expires:uuuu-MM-dd}.", "coupon_codes");
            }
            else if (coupon.Scope == CouponScope.Account)
            {
                Add(PlanErrorCodes.CouponScopeMismatch, ManualText.CouponScopeMismatch, $"{Quote(code)} applies at the account level only, and a replacement applies coupons to the master plan instance.", "coupon_codes");
            }
            else if (!coupon.AllowsReuse && _account?.AppliedCoupons is { } applied && applied.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                Add(PlanErrorCodes.CouponAlreadyApplied, ManualText.CouponAlreadyApplied, $"{Quote(code)} is already applied to account {_account.Number}.", "coupon_codes");
            }
        }
    }

    /// <summary>1010, 15009, 15006, 15013, 15015, 15008, 1064: each surcharge row.</summary>
    private void Surcharges()
    {
        var seen = new HashSet<long>();
        foreach (var row in _request.Surcharges ?? [])
        {
            if (row is null)
            {
                continue;
            }

            Enumerated(row.Directive, "mp_surcharge_directive", ["1", "2"], PlanErrorCodes.InvalidSurchargeDirective, ManualText.InvalidSurchargeDirective, "1 (apply) or 2 (remove)");
            if (!Given(row.SurchargeNo))
            {
                _errors.Add(new AriaError(PlanErrorCodes.MissingRequiredParameter, "Missing input: mp_surcharge_no is required for each surcharge.", "mp_surcharge_no"));
                continue;
            }

            if (!TryPositive(row.SurchargeNo, out var number) || !Catalog.Surcharges.TryGetValue(number, out var surcharge) || surcharge is null)
            {
                Add(PlanErrorCodes.InvalidSurchargeNumber, ManualText.InvalidSurchargeNumber, $"mp_surcharge_no {Quote(row.SurchargeNo!)} is not a surcharge of the client.", "mp_surcharge_no");
                continue;
            }

            if (!seen.Add(number))
            {
                Add(PlanErrorCodes.DuplicateSurcharge, ManualText.DuplicateSurcharge, $"surcharge {Text(number)} is given twice.", "mp_surcharge_no");
                continue;
            }

            if (surcharge.Scope == SurchargeScope.PaymentMethod)
            {
                Add(PlanErrorCodes.SurchargeScopeIsPaymentMethod, ManualText.SurchargeScopeIsPaymentMethod, $"surcharge {Text(number)}.", "mp_surcharge_no");
            }
            else if (surcharge.Scope == SurchargeScope.Account)
            {
                Add(PlanErrorCodes.SurchargeScopeMismatch, ManualText.SurchargeScopeMismatch, $"Surcharge {Text(number)} applies at the account level only.", "mp_surcharge_no");
            }

            if (Given(row.RateScheduleNo) && (!TryPositive(row.RateScheduleNo, out var schedule) || !(surcharge.RateSchedules ?? []).Contains(schedule)))
            {
                Add(PlanErrorCodes.InvalidSurchargeRateSchedule, ManualText.InvalidSurchargeRateSchedule, $"mp_rate_schedule_no {Quote(row.RateScheduleNo!)} is not a rate schedule of surcharge {Text(number)}.", "mp_rate_schedule_no");
            }
        }
    }

    /// <summary>29001, 29002, 29003: the service location exists under the number and id given and is active.</summary>
    private void ServiceLocation()
    {
        ServiceLocation? location = null;
        if (Given(_request.SvcLocationNo))
        {
            if (!TryPositive(_request.SvcLocationNo, out var number) || !Catalog.ServiceLocations.TryGetValue(number, out location) || location is null)
            {
                Add(PlanErrorCodes.InvalidServiceLocation, ManualText.InvalidServiceLocation, $"svc_location_no {Quote(_request.SvcLocationNo!)} is not a service location of the client.", "svc_location_no");
                return;
            }
        }

        var input = "svc_location_no";
        if (Clean(_request.ClientSvcLocationId) is { } clientId)
        {
            if (!Catalog.ServiceLocationsByClientId.TryGetValue(clientId, out var byId) || byId is null || (location is not null && location.Number != byId.Number))
            {
                Add(PlanErrorCodes.InvalidClientServiceLocationId, ManualText.InvalidClientServiceLocationId, byId is null
                    ? $"{Quote(clientId)} is not a service location of the client."
                    : $"{Quote(clientId)} is service location {Text(byId.Number)}, not svc_location_no {Text(location!.Number)}.", "client_svc_location_id");
                return;
            }

            input = location is null ? "client_svc_location_id" : input;
            location ??= byId;
        }

        if (location is { IsActive: false })
        {
            Add(PlanErrorCodes.ServiceLocationInactive, ManualText.ServiceLocationInactive, $"Service location {Text(location.Number)}.", input);
        }
    }

    /// <summary>29005: the destination contact is one of the account's.</summary>
    private void Contact()
    {
        if (_account is not null && Given(_request.DestContactNo)
            && (!TryPositive(_request.DestContactNo, out var contact) || !(_account.ContactNumbers ?? []).Contains(contact)))
        {
            Add(PlanErrorCodes.InvalidContactNumber, ManualText.InvalidContactNumber, $"dest_contact_no {Quote(_request.DestContactNo!)} is not a contact of account {_account.Number}.", "dest_contact_no");
        }
    }

    /// <summary>12010: the collection account group exists.</summary>
    private void AccountGroup()
    {
        if (Clean(_request.AltClientAcctGroupId) is { } group && !Catalog.AccountGroups.Contains(group))
        {
            Add(PlanErrorCodes.AccountGroupDoesNotExist, ManualText.AccountGroupDoesNotExist, $"{Quote(group)} is not an account group of the client.", "alt_client_acct_group_id");
        }
    }
}

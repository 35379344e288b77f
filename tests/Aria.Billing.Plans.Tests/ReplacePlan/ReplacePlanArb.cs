using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.ReplacePlan;

/// <summary>
/// FsCheck generators for the replace-plan validator: a random billing system (a catalog of up to 14 plans of either kind
/// with schedules in three currencies, services, field definitions, coupons, surcharges, locations; an account or none, in
/// any status and with any currency-change obstacle; up to 8 instances whose plans, parents and statuses may contradict the
/// catalog or loop) and a request whose every input is either one of the keys that billing system knows or hostile text.
/// </summary>
internal static class ReplacePlanArb
{
    private static readonly string[] FieldNames = ["color", "size", "tags", "notes", "region"];
    private static readonly Currency[] Currencies = [Currency.USD, Currency.EUR, Currency.JPY];

    public static Gen<(ReplacePlanRequest Request, ReplacePlanContext Context, PlansOptions Options)> Case =>
        from context in Context
        from request in Request(context)
        from negativeBeyondOneCycle in Gen.Elements(false, true)
        from defaultDirective in Gen.Choose(1, 11)
        select (request, context, new PlansOptions { AllowNegativeBillLagBeyondOneCycle = negativeBeyondOneCycle, DefaultAssignmentDirective = defaultDirective });

    private static Gen<ReplacePlanContext> Context =>
        from client in Gen.Elements(1000L, 2000L)
        from today in BillingArb.Date
        from catalog in Catalog
        from account in Maybe(Account, 12)
        from instances in Instances(catalog)
        from queued in Many(Gen.Choose(1, 12).Select(n => KeyValuePair.Create(new PlanInstanceNumber(n), today.PlusDays(3))), 2)
        from pooling in Gen.Elements(false, true)
        select new ReplacePlanContext
        {
            Client = new ClientNumber(client),
            Today = today,
            Account = account,
            PlanInstances = AccountPlanInstances.Create(instances, queued),
            Catalog = catalog,
            ClientParameters = new ClientParameters { AllowMpiLevelUsagePooling = pooling },
        };

    private static Gen<ProductCatalog> Catalog =>
        from plans in Many(Plan, 14)
        from schedules in Many(Schedule, 16)
        from services in Many(Service, 5)
        from fields in Many(Field, 5)
        from coupons in Many(Coupon, 4)
        from surcharges in Many(Surcharge, 3)
        from locations in Many(Location, 3)
        from groups in Many(Many(PlanNo, 3), 2)
        select ProductCatalog.Create(plans, schedules, services, fields, ["SPRING", "FALL"], coupons, surcharges, locations, ["east", "west"], groups);

    private static Gen<PlanNumber> PlanNo => Gen.Choose(1, 16).Select(n => new PlanNumber(n));

    private static Gen<CatalogPlan> Plan =>
        from number in PlanNo
        from kind in Gen.Elements(PlanKind.Master, PlanKind.Supplemental)
        from months in Gen.Elements(1, 1, 2, 3, 6, 12)
        from billable in Gen.Elements(true, false)
        from supplementals in Many(PlanNo, 6)
        from mandatory in Many(PlanNo, 2)
        from services in Many(Gen.Choose(100, 105).Select(n => (long)n), 4)
        from fields in Many(Gen.Elements(FieldNames), 3)
        from min in MaybeValue(Gen.Choose(0, 5).Select(n => (decimal)n))
        from max in MaybeValue(Gen.Choose(0, 200).Select(n => (decimal)n))
        from perRecord in Gen.Elements(false, false, true)
        from rollover in MaybeValue(PlanNo, 1)
        select new CatalogPlan
        {
            Number = number, ClientId = $"plan-{number}", Kind = kind, Interval = BillingInterval.FromMonths(months), IsBillable = billable,
            SupplementalPlans = supplementals, MandatoryChildPlans = mandatory, Services = services, PlanInstanceFields = fields,
            MinUnits = min, MaxUnits = max, RatesUsagePerRecord = perRecord, RolloverPlan = rollover,
        };

    private static Gen<CatalogRateSchedule> Schedule =>
        from number in Gen.Choose(900, 915)
        from plan in PlanNo
        from currency in Gen.Elements(Currencies)
        from isDefault in Gen.Elements(true, false)
        from active in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from tiers in Many(
            from service in Gen.Choose(100, 105)
            from list in Many(
                from seq in Gen.Choose(1, 4)
                from start in Gen.Choose(0, 300)
                from to in MaybeValue(Gen.Choose(0, 400).Select(i => (decimal)i))
                select new RateTier(seq, start, to, 0.1m), 3)
            select KeyValuePair.Create((long)service, (IReadOnlyList<RateTier>)list), 3)
        from rollover in MaybeValue(Gen.Choose(900, 916).Select(n => (long)n), 1)
        select new CatalogRateSchedule
        {
            Number = number, ClientId = $"rs-{number}", Plan = plan, Currency = currency, IsDefault = isDefault, IsActive = active,
            Tiers = tiers.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First().Value), RolloverRateSchedule = rollover,
        };

    private static Gen<CatalogService> Service =>
        from number in Gen.Choose(100, 105)
        from type in Gen.Elements(ServiceType.Usage, ServiceType.Recurring, ServiceType.Other)
        select new CatalogService { Number = number, ClientId = $"svc-{number}", Type = type };

    private static Gen<PlanInstanceFieldDefinition> Field =>
        from name in Gen.Elements(FieldNames)
        from instanceField in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from required in Gen.Elements(true, false)
        from allowed in Many(Gen.Elements("red", "green", "blue", "M"), 3)
        from min in MaybeValue(Gen.Choose(0, 3))
        from max in MaybeValue(Gen.Choose(0, 3))
        select new PlanInstanceFieldDefinition { Name = name, IsPlanInstanceField = instanceField, IsRequired = required, AllowedValues = allowed, MinValues = min, MaxValues = max };

    private static Gen<CatalogCoupon> Coupon =>
        from code in Gen.Elements("WELCOME", "OLD", "ACCT", "ONCE")
        from expires in MaybeValue(BillingArb.Date)
        from scope in Gen.Elements(CouponScope.Account, CouponScope.MasterPlanInstance, CouponScope.Both)
        from reuse in Gen.Elements(true, false)
        select new CatalogCoupon { Code = code, ExpiresOn = expires, Scope = scope, AllowsReuse = reuse };

    private static Gen<CatalogSurcharge> Surcharge =>
        from number in Gen.Choose(30, 34)
        from scope in Gen.Elements(SurchargeScope.Account, SurchargeScope.MasterPlanInstance, SurchargeScope.Both, SurchargeScope.PaymentMethod)
        from schedules in Many(Gen.Choose(310, 312).Select(n => (long)n), 2)
        select new CatalogSurcharge { Number = number, Scope = scope, RateSchedules = schedules };

    private static Gen<ServiceLocation> Location =>
        from number in Gen.Choose(40, 43)
        from active in Gen.Elements(true, false)
        select new ServiceLocation { Number = number, ClientId = $"loc-{number}", IsActive = active };

    private static Gen<AccountFacts> Account =>
        from number in Gen.Frequency((8, Gen.Constant(42L)), (1, Gen.Constant(43L)))
        from status in Gen.Frequency((12, Gen.Constant(1)), (1, Gen.Elements(-99, -3, -2, -1, 0, 11, -7)))
        from currency in Gen.Elements(Currencies)
        from dunning in Gen.Frequency((12, Gen.Constant(DunningState.None)), (1, Gen.Elements(DunningState.InProgress, DunningState.Completed)))
        from contacts in Many(Gen.Choose(500, 503).Select(n => (long)n), 3)
        from applied in Many(Gen.Elements("ONCE", "WELCOME", "once"), 2)
        from flags in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))), 7)
        from thresholds in Many(Gen.Elements(Currencies), 2)
        select new AccountFacts
        {
            Number = new AccountNumber(number), ClientAccountId = $"ACME-{number}", Status = (AccountStatus)status, Currency = currency,
            Dunning = dunning, ContactNumbers = contacts, AppliedCoupons = applied,
            CurrencyChange = new CurrencyChangeFacts
            {
                HasNonZeroTransactions = flags[0], HasPendingInvoices = flags[1], HasSurcharges = flags[2], HasUnbilledUsage = flags[3],
                HasDiscountsOrCoupons = flags[4], HasPendingOrders = flags[5], HasActiveRolloverContract = flags[6], ThresholdBillingRuleCurrencies = thresholds,
            },
        };

    /// <summary>
    /// Up to 8 instances, numbered 1, 2, 3 …: mostly on plans of the catalog, each a master or the child of an earlier one — and
    /// now and then on an unknown plan, under an unknown parent or in a loop, which the validator must answer with 1001.
    /// </summary>
    private static Gen<PlanInstanceFacts[]> Instances(ProductCatalog catalog) =>
        from count in Gen.Choose(0, 8)
        from specs in Gen.ArrayOf(
            from plan in Gen.Frequency((60, catalog.Plans.Count == 0 ? PlanNo : Gen.Elements(catalog.Plans.Keys.ToArray())), (1, PlanNo))
            from parent in Gen.Frequency((16, Gen.Constant(0)), (32, Gen.Choose(1, 8)), (1, Gen.Choose(9, 10)))
            from status in Gen.Frequency((8, Gen.Constant(PlanInstanceStatus.Active)), (1, Gen.Elements(Enum.GetValues<PlanInstanceStatus>())))
            from mandatory in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
            from cycle in MaybeValue(BillingArb.Cycle, 4)
            from lastInvoiced in MaybeValue(from start in BillingArb.Date from days in Gen.Choose(-3, 400) select new BillingPeriod(start, start.PlusDays(Math.Max(1, days))), 1)
            from fields in Many(Gen.Elements(FieldNames), 2)
            from loop in Gen.Frequency((80, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (plan, parent, status, mandatory, cycle, lastInvoiced, fields, loop), count)
        select specs.Select((spec, i) => new PlanInstanceFacts
        {
            Number = new PlanInstanceNumber(i + 1), ClientId = $"pi-{i + 1}", Plan = spec.plan, Status = spec.status, IsMandatoryChild = spec.mandatory,
            Parent = spec.loop ? new PlanInstanceNumber(Math.Max(1, spec.parent)) // itself or a later one: maybe a loop
                : spec.parent == 0 || (spec.parent <= 8 && spec.parent > i) ? null // a master, or a child of an earlier instance only
                : new PlanInstanceNumber(spec.parent), // an earlier instance, or 9–10: none of the account's
            Cycle = spec.cycle, LastInvoicedPeriod = spec.lastInvoiced,
            Fields = spec.fields.Distinct().ToDictionary(f => f, f => (IReadOnlyList<string>)["red"]),
        }).ToArray();

    private static Gen<ReplacePlanRequest> Request(ReplacePlanContext context) =>
        from quiet in Gen.Elements(false, true) // a quiet request gives few optional inputs, so that some pass
        from client in Key([context.Client.ToString(), context.Client.ToString(), context.Client.ToString(), "2000"], weightOfNull: quiet ? 0 : 1)
        from account in Key(context.Account is { } a ? quiet ? [a.Number.ToString()] : [a.Number.ToString(), a.Number.ToString(), "43"] : ["42"], weightOfNull: quiet ? 0 : 1)
        from clientAccount in Key(["ACME-42", "ACME-43"], weightOfNull: quiet ? 400 : 6)
        from instance in Key(quiet && context.PlanInstances.ByNumber.Count > 0
            ? [.. context.PlanInstances.ByNumber.Keys.Select(n => n.ToString())]
            : [.. context.PlanInstances.ByNumber.Keys.Concat(context.PlanInstances.QueuedAssignments.Keys).Select(n => n.ToString()), "1", "70"], weightOfNull: quiet ? 0 : 1)
        from clientInstance in Key(["pi-1", "pi-2", "pi-70"], weightOfNull: quiet ? 400 : 6)
        from plan in Key(quiet && context.Catalog.Plans.Count > 0 ? [.. context.Catalog.Plans.Keys.Select(n => n.ToString())] : [.. context.Catalog.Plans.Keys.Select(n => n.ToString()), "99"], weightOfNull: quiet ? 0 : 1)
        from clientPlan in Key(["plan-1", "plan-9", "plan-99"], weightOfNull: quiet ? 400 : 6)
        from schedule in Key([.. context.Catalog.RateSchedules.Keys.Select(n => n.ToString()), "999"], weightOfNull: quiet ? 400 : 3)
        from ids in Gen.ArrayOf(Key(["secret", "ACME-42", "pi-1", "pi-3", "rs-901", "east", "loc-41", "SPRING"], weightOfNull: quiet ? 400 : 4), 12)
        from numbers in Gen.ArrayOf(Key(["1", "2", "3", "4", "7", "9", "12", "40", "41", "100", "104", "500", "-60", "28", "0"], weightOfNull: quiet ? 400 : 4), 16)
        from flags in Gen.ArrayOf(Key(["true", "false", "1", "2", "UT", "up", "~", "SPRING", "R"], weightOfNull: quiet ? 400 : 4), 12)
        from date in quiet ? Gen.Constant<string?>(null) : Gen.OneOf(ArbitraryText.DateLike, ArbitraryText.Any)
        from altDate in quiet ? Gen.Constant<string?>(null) : Gen.OneOf(ArbitraryText.DateLike, ArbitraryText.Any)
        from fields in Many(
            from directive in Key(["1", "2", "3", "4", "5"])
            from name in Key(FieldNames)
            from value in Key(["red", "M", "purple", ""])
            select new PlanInstanceFieldInput(directive, name, value), quiet ? 0 : 4)
        from rates in Many(
            from service in Key(["100", "101", "102", "103", "104", "105"])
            from clientService in Key(["svc-100", "svc-9"])
            from seq in Key(["1", "2", "3"])
            from start in Key(["1", "101", "0", "79228162514264337593543950335", "-79228162514264337593543950335"])
            from to in Key(["100", "200", "", "79228162514264337593543950335"])
            from rate in Key(["0.1", "-1", "5"])
            select new CustomRateInput { ServiceNo = service, ClientServiceId = clientService, SeqNo = seq, FromUnit = start, ToUnit = to, RatePerUnit = rate }, quiet ? 0 : 4)
        from coupons in Many(Key(["WELCOME", "OLD", "ACCT", "ONCE", "NOPE"]), quiet ? 0 : 3)
        from surcharges in Many(
            from number in Key(["30", "31", "32", "33", "39"])
            from schedule in Key(["310", "311", ""])
            from directive in Key(["1", "2", "3", ""])
            select new SurchargeInput(number, schedule, directive), quiet ? 0 : 3)
        select new ReplacePlanRequest
        {
            ClientNo = client, AuthKey = ids[1] ?? "secret", AcctNo = account, ClientAcctId = clientAccount, PlanInstanceNo = instance, ClientPlanInstanceId = clientInstance,
            NewPlanNo = plan, NewClientPlanId = clientPlan, AssignmentDirective = numbers[3], EffectiveDate = date, OffsetInterval = numbers[4],
            AltProrationStartDate = altDate, BillLagDays = numbers[5], PlanStatus = numbers[6], PlanUnits = numbers[7], AltRateScheduleNo = schedule,
            ClientAltRateScheduleId = ids[5], PlanInstanceFields = fields, ForceBillDateReset = flags[0], ForceMasterBillDateReset = flags[1],
            ProrationInvoiceTiming = flags[2], UsageThresholdApplicability = flags[3], TransactionType = flags[4], RecurringProcessingModelInd = numbers[9],
            UsageAccumulationResetMonths = numbers[10], UsageAccumulationResetMonthsRenewalOption = flags[5], MpSurchargeDirective = flags[6],
            AutoOffsetMonthsOption = flags[7], CombineInvoices = numbers[11], DoWrite = flags[8], InvoiceUnbilledUsage = flags[9], UsagePooling = flags[10],
            ForceCurrencyChange = flags[11], IncludePlanInstanceQueue = ids[6], CustomRates = rates, NewClientPlanInstanceId = ids[7], PromoCd = ids[8],
            CouponCodes = coupons.OfType<string>().ToArray(), Surcharges = surcharges, OffsetMonths = numbers[12], SvcLocationNo = numbers[13],
            ClientSvcLocationId = ids[9], DestContactNo = numbers[14], AltClientAcctGroupId = ids[10], Comments = ids[11], PlanInstanceDescription = numbers[15],
        };

    /// <summary>Mostly one of <paramref name="known"/>, often nothing; otherwise hostile text (blanks, control characters, markup, huge).</summary>
    private static Gen<string?> Key(string[] known, int weightOfNull = 1) => Gen.Frequency(
        (12, Gen.Elements(known).Select(s => (string?)s)),
        (weightOfNull * 2, Gen.Constant<string?>(null)),
        (1, ArbitraryText.Any),
        (1, Gen.Elements<string?>("<b>", "a\u0007b", "\ud800", "  ")));

    private static Gen<T[]> Many<T>(Gen<T> gen, int max) => Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(gen, n));

    private static Gen<T?> Maybe<T>(Gen<T> gen, int weightOfSome = 2)
        where T : class => Gen.Frequency((1, Gen.Constant((T?)null)), (weightOfSome, gen.Select(v => (T?)v)));

    private static Gen<T?> MaybeValue<T>(Gen<T> gen, int weightOfSome = 2)
        where T : struct => Gen.Frequency((1, Gen.Constant((T?)null)), (weightOfSome, gen.Select(v => (T?)v)));
}

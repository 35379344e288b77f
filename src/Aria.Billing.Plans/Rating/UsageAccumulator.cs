namespace Aria.Billing.Plans.Rating;

/// <summary>
/// Rates the usage records of one plan instance and billing period as they arrive. Under aggregated rating a tier reached by
/// earlier records prices later ones; each record's amount is the change in the period's price, so the amounts add up to
/// the price of the period's units whatever order the records come in. Negative units reduce the accumulated units (the
/// period's price never goes below that of zero units). A value type: rating allocates nothing.
/// </summary>
public struct UsageAccumulator
{
    private readonly RateSchedule _schedule;
    private decimal _units;     // accumulated units, negative records included
    private decimal _perRecord; // per-record basis: total of the amounts returned
    private int _tier;          // tier of max(0, _units)
    private decimal _preRated;  // total of pre-rated amounts

    /// <summary>An accumulator for one plan instance and period, starting at zero units.</summary>
    public UsageAccumulator(RateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
    }

    /// <summary>The units accumulated so far (pre-rated records excluded).</summary>
    public readonly decimal Units => _units;

    /// <summary>The amount rated so far: the price of the accumulated units plus every pre-rated amount; unrounded.</summary>
    public readonly decimal Amount =>
        _preRated + (_schedule.Basis == RatingBasis.PerRecord ? _perRecord : _schedule.PriceOf(_units));

    /// <summary>Rates one record and returns its amount (unrounded), or the negative-usage rule it breaks.</summary>
    public AriaResult<decimal> Add(in UsageRecord record)
    {
        // The common case (positive units, not pre-rated) breaks no negative-usage rule.
        if (!record.IsPreRated && !decimal.IsNegative(record.Units))
        {
            return _schedule.Basis == RatingBasis.PerRecord ? AddAlone(record.Units) : AddToPeriod(record.Units);
        }

        var error = UsageRecordRules.Check(in record, _schedule);
        if (error is not null)
        {
            return error;
        }

        if (record.IsPreRated)
        {
            var preRated = record.PreRatedValue;
            _preRated += preRated;
            return preRated;
        }

        return _schedule.Basis == RatingBasis.PerRecord ? AddAlone(record.Units) : AddToPeriod(record.Units);
    }

    private decimal AddToPeriod(decimal units)
    {
        var next = _units + units;

        // The common case: more units that stay in the current tier cost units × that tier's rate.
        if (!decimal.IsNegative(units) && !decimal.IsNegative(_units) && next <= _schedule.UpperOf(_tier))
        {
            _units = next;
            return units * _schedule.RateOf(_tier);
        }

        // Crossing a tier or going down: the change in the period's price (of max(0, units)).
        var before = _schedule.PriceAt(_units, ref _tier);
        var after = _schedule.PriceAt(next, ref _tier);
        _units = next;
        return after - before;
    }

    private decimal AddAlone(decimal units)
    {
        // Per-record rating: each record is priced from the first tier; a negative record mirrors a positive one.
        var amount = units >= 0 ? _schedule.PriceOf(units) : -_schedule.PriceOf(-units);
        _units += units;
        _perRecord += amount;
        return amount;
    }
}

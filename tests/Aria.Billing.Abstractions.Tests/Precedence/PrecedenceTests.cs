namespace Aria.Billing.Tests.Precedence;

// spec: replace-acct-plan-m.txt, bill_lag_days ("Aria will set the bill lag days for plans using this order of precedence").
public sealed class PrecedenceTests
{
    private enum Level
    {
        Instance,
        CollectionGroup,
        PaymentTerms,
        Client,
    }

    [Fact]
    public void Resolve_FirstLevelWithAValueWinsAndIsNamed()
    {
        PrecedenceCandidate<Level, int>[] order =
        [
            PrecedenceCandidate<Level, int>.Without(Level.Instance),
            PrecedenceCandidate<Level, int>.With(Level.CollectionGroup, -14),
            PrecedenceCandidate<Level, int>.With(Level.PaymentTerms, 5),
            PrecedenceCandidate<Level, int>.With(Level.Client, 0),
        ];

        var resolved = Billing.Precedence.Resolve<Level, int>(order);

        Assert.True(resolved.Found);
        Assert.Equal(Level.CollectionGroup, resolved.Level);
        Assert.Equal(-14, resolved.Value);
        Assert.Equal(1, resolved.Position);
    }

    [Fact]
    public void Resolve_NoLevelHasAValue_NotFound()
    {
        PrecedenceCandidate<Level, string?>[] order =
        [
            PrecedenceCandidate<Level, string?>.FromNullable(Level.Instance, null),
            PrecedenceCandidate<Level, string?>.FromNullable(Level.Client, null),
        ];

        var resolved = Billing.Precedence.Resolve<Level, string?>(order);

        Assert.False(resolved.Found);
        Assert.Equal(-1, resolved.Position);
    }

    [Fact]
    public void Property_NeverSkipsADefinedLevelAndNeverPicksAnUndefinedOne()
    {
        var gen = from length in Gen.Choose(0, 8)
                  from raw in Gen.ArrayOf(Gen.Choose(-1, 30), length)
                  select raw.Select(v => v < 0 ? (int?)null : v).ToArray();
        Prop.ForAll(gen.ToArbitrary(), values =>
        {
            var candidates = values.Select((v, i) => PrecedenceCandidate<int, int?>.FromNullable(i, v)).ToArray();
            var resolved = Billing.Precedence.Resolve<int, int?>(candidates);
            var firstDefined = Array.FindIndex(values, v => v.HasValue);
            return firstDefined < 0
                ? !resolved.Found
                : resolved.Found && resolved.Position == firstDefined && resolved.Level == firstDefined && resolved.Value == values[firstDefined];
        }).QuickCheckThrowOnFailure();
    }
}

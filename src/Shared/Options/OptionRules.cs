using System.Globalization;
using Microsoft.Extensions.Options;

namespace Aria.Billing;

/// <summary>
/// The rules of one options type, declared once: the same list is checked when the host starts (<see cref="Validator"/>,
/// registered with <c>ValidateOnStart</c>) and by the constructor of an engine built without DI (<see cref="ThrowIfInvalid"/>).
/// Every failure names the configuration key and the bad value:
/// <c>AriaBilling:Plans:Queue:BatchSize is 50000; it should be in range [1-10000].</c>
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <param name="section">The configuration section the options bind from (<c>AriaBilling:Sync</c> …).</param>
internal sealed class OptionRules<TOptions>(string section)
    where TOptions : class
{
    private readonly List<Func<TOptions, string?>> _rules = [];

    /// <summary>The configuration section the options bind from.</summary>
    public string Section { get; } = section;

    /// <summary>An integer within [<paramref name="min"/>-<paramref name="max"/>].</summary>
    public OptionRules<TOptions> InRange(string key, Func<TOptions, long> value, long min, long max) => Add(o =>
    {
        var v = value(o);
        return v < min || v > max ? Invariant($"{Section}:{key} is {v}; it should be in range [{min}-{max}].") : null;
    });

    /// <summary>A number within [<paramref name="min"/>-<paramref name="max"/>].</summary>
    public OptionRules<TOptions> InRange(string key, Func<TOptions, double> value, double min, double max) => Add(o =>
    {
        var v = value(o);
        return !(v >= min && v <= max) ? Invariant($"{Section}:{key} is {v}; it should be in range [{min}-{max}].") : null;
    });

    /// <summary>A duration within [<paramref name="min"/>-<paramref name="max"/>] (no upper bound when <paramref name="max"/> is null).</summary>
    public OptionRules<TOptions> InRange(string key, Func<TOptions, TimeSpan> value, TimeSpan min, TimeSpan? max = null) => Add(o =>
    {
        var v = value(o);
        return v < min || v > max
            ? max is { } upper
                ? Invariant($"{Section}:{key} is {v:c}; it should be in range [{min:c}-{upper:c}].")
                : Invariant($"{Section}:{key} is {v:c}; it should be at least {min:c}.")
            : null;
    });

    /// <summary>A text that is not empty or white space.</summary>
    public OptionRules<TOptions> Required(string key, Func<TOptions, string?> value, string what) => Add(o =>
        string.IsNullOrWhiteSpace(value(o)) ? $"{Section}:{key} is empty; it should {what}." : null);

    /// <summary>A value of <typeparamref name="TEnum"/> that the enum defines.</summary>
    public OptionRules<TOptions> Defined<TEnum>(string key, Func<TOptions, TEnum> value)
        where TEnum : struct, Enum => Add(o =>
    {
        var v = value(o);
        return Enum.IsDefined(v) ? null : $"{Section}:{key} is {v}; it should be one of {string.Join(", ", Enum.GetNames<TEnum>())}.";
    });

    /// <summary>Any other rule: <paramref name="problem"/> returns the failure (naming the key and the value) or null.</summary>
    public OptionRules<TOptions> Must(Func<TOptions, string?> problem) => Add(problem);

    /// <summary>Every failure of <paramref name="options"/>, in declaration order (empty when valid).</summary>
    public IReadOnlyList<string> Check(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. _rules.Select(rule => rule(options)).OfType<string>()];
    }

    /// <summary>The options when valid; otherwise an <see cref="ArgumentException"/> listing every failure.</summary>
    public TOptions ThrowIfInvalid(TOptions options, string parameterName) =>
        Check(options) is { Count: > 0 } failures ? throw new ArgumentException(string.Join(" ", failures), parameterName) : options;

    /// <summary>An <see cref="IValidateOptions{TOptions}"/> over these rules, for <c>ValidateOnStart</c>.</summary>
    public IValidateOptions<TOptions> Validator() => new RulesValidator(this);

    private OptionRules<TOptions> Add(Func<TOptions, string?> rule)
    {
        _rules.Add(rule);
        return this;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class RulesValidator(OptionRules<TOptions> rules) : IValidateOptions<TOptions>
    {
        public ValidateOptionsResult Validate(string? name, TOptions options) =>
            rules.Check(options) is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}

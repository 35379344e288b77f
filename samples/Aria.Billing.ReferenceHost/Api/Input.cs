using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// Reads request values, collecting a coded error (1024 invalid date format, 1010 missing input, INVALID_VALUE otherwise) for each
/// one that is missing or malformed, so that one response names every problem.
/// </summary>
public sealed class Input
{
    private readonly List<AriaError> _errors = [];

    /// <summary>The errors so far.</summary>
    public IReadOnlyList<AriaError> Errors => _errors;

    /// <summary>Whether every value read so far was good.</summary>
    public bool Valid => _errors.Count == 0;

    /// <summary>A required date (yyyy-MM-dd).</summary>
    public LocalDate Date(string? text, string name) => OptionalDate(text, name, required: true) ?? default;

    /// <summary>An optional date (yyyy-MM-dd).</summary>
    public LocalDate? OptionalDate(string? text, string name, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? Fail<LocalDate?>(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {name} is required.", name) : null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            return Fail<LocalDate?>(AriaErrorCodes.InvalidDateFormat, $"invalid date format: {name} '{Clip(text)}' is not a yyyy-MM-dd date.", name);
        }

        // One range of business dates for every endpoint (BusinessDates): 9999-12-31 or 0000-01-01 is refused, not computed on.
        if (BusinessDates.Check(parsed.Value, name) is { } outside)
        {
            Add(outside.Code, outside.Message, name);
            return required ? default(LocalDate) : null;
        }

        return parsed.Value;
    }

    /// <summary>A required instant: ISO-8601 with a <c>Z</c> or an offset, seconds and fractions optional.</summary>
    public Instant Instant(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail<Instant>(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {name} is required.", name);
        }

        foreach (var pattern in InstantPatterns)
        {
            if (pattern.Parse(text) is { Success: true } parsed)
            {
                return parsed.Value.ToInstant();
            }
        }

        return Fail<Instant>(AriaErrorCodes.InvalidDateFormat, $"invalid date format: {name} '{Clip(text)}' is not an ISO-8601 instant such as 2025-04-27T03:00:00Z.", name);
    }

    /// <summary>A required positive number.</summary>
    public long Number(string? text, string name) => OptionalNumber(text, name, required: true) ?? 0;

    /// <summary>An optional positive number.</summary>
    public long? OptionalNumber(string? text, string name, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? Fail<long?>(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {name} is required.", name) : null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : Fail<long?>(ApiErrors.InvalidValue, $"{name} '{Clip(text)}' is not a positive whole number.", name);
    }

    /// <summary>A number given as JSON: absent is null (1010 when <paramref name="required"/>), zero or less is INVALID_VALUE.</summary>
    public long? Positive(long? value, string name, bool required = false)
    {
        if (value is null)
        {
            return required ? Fail<long?>(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {name} is required.", name) : null;
        }

        return value > 0 ? value : Fail<long?>(ApiErrors.InvalidValue, $"{name} should be a positive whole number.", name);
    }

    /// <summary>Notes that <paramref name="name"/> is missing (1010) and returns <paramref name="fallback"/>.</summary>
    public T Missing<T>(string name, T fallback)
    {
        _errors.Add(new AriaError(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {name} is required.", name));
        return fallback;
    }

    /// <summary>Notes that <paramref name="name"/> is not valid (INVALID_VALUE) and returns <paramref name="fallback"/>.</summary>
    public T Invalid<T>(string name, T fallback)
    {
        _errors.Add(new AriaError(ApiErrors.InvalidValue, $"{name} is not valid.", name));
        return fallback;
    }

    /// <summary>A required decimal amount.</summary>
    public decimal Amount(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail<decimal>(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {name} is required.", name);
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : Fail<decimal>(ApiErrors.InvalidValue, $"{name} '{Clip(text)}' is not a decimal amount.", name);
    }

    /// <summary>A required text of at most <paramref name="max"/> characters.</summary>
    public string Text(string? text, string name, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail<string>(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {name} is required.", name) ?? "";
        }

        return text.Length <= max && !text.Contains('\0', StringComparison.Ordinal)
            ? text
            : Fail<string>(ApiErrors.InvalidValue, $"{name} should be at most {max} characters, without NUL.", name) ?? "";
    }

    /// <summary>An optional text of at most <paramref name="max"/> characters.</summary>
    public string? OptionalText(string? text, string name, int max = 200) => text is null ? null : Text(text, name, max);

    /// <summary>One value of an enumeration, by name (case-insensitive; snake_case as in the host's JSON too).</summary>
    public T Choice<T>(string? text, string name, T fallback)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var words = text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal); // snake_case as the host writes it
        return Enum.TryParse<T>(words, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : Fail<T>(ApiErrors.InvalidValue, $"{name} '{Clip(text)}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName))}.", name);
    }

    /// <summary>
    /// Whether <paramref name="items"/> (absent counts as empty) has at most <paramref name="max"/> entries; a longer list is
    /// INVALID_VALUE naming the limit (issue #15 item 6: every request array has a documented maximum length).
    /// </summary>
    public bool AtMost<T>(IReadOnlyCollection<T>? items, string name, int max)
    {
        if (items is null || items.Count <= max)
        {
            return true;
        }

        _errors.Add(new AriaError(ApiErrors.InvalidValue, $"{name} should have at most {max} entries; it has {items.Count}.", name));
        return false;
    }

    /// <summary>Adds errors found elsewhere.</summary>
    public void Add(IEnumerable<AriaError> errors) => _errors.AddRange(errors);

    /// <summary>Adds one error.</summary>
    public void Add(AriaErrorCode code, string message, string input) => _errors.Add(new AriaError(code, message, input));

    private T Fail<T>(AriaErrorCode code, string message, string input)
    {
        _errors.Add(new AriaError(code, message, input));
        return default!;
    }

    private static readonly OffsetDateTimePattern[] InstantPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

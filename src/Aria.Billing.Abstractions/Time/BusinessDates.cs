using NodaTime;

namespace Aria.Billing;

/// <summary>
/// The range of business dates (bill dates, effective dates, run dates, invoice dates, search bounds) the packages accept,
/// the same for every engine, store and the reference host: 1900-01-01 to 2199-12-31. A date outside it is refused with
/// the date code (1024) rather than computed near the ends of the calendar, where adding a period could overflow.
/// </summary>
public static class BusinessDates
{
    /// <summary>The first business date accepted.</summary>
    public static LocalDate Earliest { get; } = new(1900, 1, 1);

    /// <summary>The last business date accepted.</summary>
    public static LocalDate Latest { get; } = new(2199, 12, 31);

    /// <summary>Whether <paramref name="date"/> is within the range.</summary>
    public static bool Contains(LocalDate date) => date >= Earliest && date <= Latest;

    /// <summary>The refusal of a date outside the range, naming the input; <see langword="null"/> when the date is within it.</summary>
    public static AriaError? Check(LocalDate date, string input) => Check(date, input, AriaErrorCodes.InvalidDateFormat);

    /// <summary>
    /// The refusal of a date outside the range with the code of the input it came from (14026 for an effective date, say);
    /// <see langword="null"/> when the date is within it.
    /// </summary>
    public static AriaError? Check(LocalDate date, string input, AriaErrorCode code) =>
        Contains(date)
            ? null
            : new AriaError(code, $"invalid date: {input} {date:uuuu-MM-dd} is outside the business dates accepted, 1900-01-01 to 2199-12-31.", input);
}

using System.Runtime.CompilerServices;

namespace Aria.Billing.Internal;

/// <summary>Argument checks for programming errors (rule violations are returned as <see cref="AriaError"/> values instead).</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value should be in range [{min}-{max}]");
        }

        return value;
    }

    public static string NotNullOrWhiteSpace(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }

    public static void IsoCalendar(NodaTime.LocalDate date, [CallerArgumentExpression(nameof(date))] string? name = null)
    {
        if (date.Calendar != NodaTime.CalendarSystem.Iso)
        {
            throw new ArgumentException($"Billing dates use the ISO calendar; {date} uses {date.Calendar.Id}.", name);
        }
    }
}

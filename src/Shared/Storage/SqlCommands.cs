using System.Data.Common;
using NodaTime;

namespace Aria.Billing.Storage;

/// <summary>Small helpers for parameterised commands and typed reads; every value reaches the database as a parameter.</summary>
internal static class SqlCommands
{
    /// <summary>A command on <paramref name="connection"/> with the given text, in <paramref name="transaction"/> if any.</summary>
    internal static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds a parameter (null as DBNull) and returns the command.</summary>
    internal static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>
    /// The columns a row enum names, in its order, as snake_case SQL names (<c>EventId</c> → <c>event_id</c>): the SELECT list
    /// whose ordinals are the enum's values, so rows are read by named ordinal.
    /// </summary>
    internal static string ColumnList<TColumn>()
        where TColumn : struct, Enum =>
        string.Join(", ", Enum.GetValues<TColumn>().Select((c, i) => Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture) == i
            ? SnakeCase(c.ToString())
            : throw new InvalidOperationException($"{typeof(TColumn).Name}.{c} should have the value {i}: a column's value is its ordinal.")));

    /// <summary><c>EventId</c> → <c>event_id</c>.</summary>
    internal static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsAsciiLetterUpper(c) ? (i == 0 ? "" : "_") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The parameter list (<c>@a, @b, …</c>) naming each of <paramref name="columns"/> (<c>a, b, …</c>).</summary>
    internal static string ParameterList(string columns) => string.Join(", ", columns.Split(", ").Select(c => "@" + c));

    /// <summary>An instant as stored: 100-nanosecond ticks since the Unix epoch.</summary>
    internal static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>An optional instant as stored.</summary>
    internal static long? Ticks(Instant? instant) => instant?.ToUnixTimeTicks();

    /// <summary>A date as stored: its day number (days since 0001-01-01).</summary>
    internal static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>The date of a stored day number.</summary>
    internal static LocalDate Date(long dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber((int)dayNumber));

    /// <summary>The instant in a column.</summary>
    internal static Instant GetInstant(this DbDataReader reader, int ordinal) => Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    /// <summary>The optional instant in a column.</summary>
    internal static Instant? GetInstantOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    /// <summary>The optional string in a column.</summary>
    internal static string? GetStringOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The optional 64-bit integer in a column.</summary>
    internal static long? GetInt64OrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>The optional GUID in a column.</summary>
    internal static Guid? GetGuidOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    /// <summary>Reads every row of the command with <paramref name="map"/>.</summary>
    internal static async Task<List<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }
        }

        return rows;
    }

    /// <summary>Reads the first row of the command with <paramref name="map"/>, or the default when there is none.</summary>
    internal static async Task<T?> FirstOrDefaultAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : default;
        }
    }

    /// <summary>
    /// A LIKE pattern matching values that contain <paramref name="text"/> literally: the user's <c>%</c>, <c>_</c> and
    /// <c>\</c> are escaped (use with <c>ESCAPE '\'</c>), and both sides are compared upper-cased.
    /// </summary>
    internal static string ContainsPattern(string text) =>
        "%" + text.ToUpperInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>The case-folded form stored beside a name for case-insensitive search and sort.</summary>
    internal static string Fold(string name) => name.ToUpperInvariant();
}

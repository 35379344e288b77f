namespace Aria.Billing.Storage;

/// <summary>A dialect's column types for the tokens of <see cref="SqlSchema"/>.</summary>
/// <param name="Identity">An auto-numbered 64-bit primary key.</param>
/// <param name="Int">A 32-bit integer.</param>
/// <param name="Long">A 64-bit integer.</param>
/// <param name="Text">Text.</param>
/// <param name="Key">Text compared and sorted ordinally (the case-folded search keys).</param>
/// <param name="Guid">A GUID.</param>
/// <param name="Decimal">An exact decimal.</param>
internal sealed record SqlTypes(string Identity, string Int, string Long, string Text, string Key, string Guid, string Decimal)
{
    /// <summary><paramref name="sql"/> with every token replaced by this dialect's type.</summary>
    internal string Fill(string sql) => sql
        .Replace("{Identity}", Identity, StringComparison.Ordinal).Replace("{Int}", Int, StringComparison.Ordinal)
        .Replace("{Long}", Long, StringComparison.Ordinal).Replace("{Text}", Text, StringComparison.Ordinal)
        .Replace("{Key}", Key, StringComparison.Ordinal).Replace("{Guid}", Guid, StringComparison.Ordinal)
        .Replace("{Decimal}", Decimal, StringComparison.Ordinal);
}

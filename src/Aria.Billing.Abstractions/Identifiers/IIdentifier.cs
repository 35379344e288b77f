namespace Aria.Billing;

/// <summary>A positive number the billing system assigned to one kind of thing (client, account, plan, plan instance).</summary>
/// <typeparam name="TSelf">The identifier type.</typeparam>
public interface IIdentifier<TSelf> : IComparable<TSelf>, ISpanFormattable
    where TSelf : struct, IIdentifier<TSelf>
{
    /// <summary>The positive number.</summary>
    long Value { get; }

    /// <summary>The spec's name of the field that carries it (<c>client_no</c>, <c>acct_no</c> …), named in parse errors.</summary>
    static abstract string FieldName { get; }

    /// <summary>Builds the identifier from a number already checked to be positive.</summary>
    /// <param name="value">The positive number.</param>
    static abstract TSelf Create(long value);
}

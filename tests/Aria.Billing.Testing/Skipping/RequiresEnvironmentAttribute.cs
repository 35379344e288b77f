namespace Aria.Billing.Testing.Skipping;

/// <summary>
/// Marks a test class whose <see cref="StoreFactAttribute"/> tests need an environment variable (for example the
/// connection string of a PostgreSQL server): without it they report themselves skipped, naming the variable.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresEnvironmentAttribute(string variable) : Attribute
{
    /// <summary>The variable that must be set and not empty.</summary>
    public string Variable { get; } = variable;
}

namespace Aria.Billing.Storage;

/// <summary>One forward step of the schema: a version, what it does, and the statements that do it.</summary>
internal sealed record SqlMigration(int Version, string Description, string Sql);

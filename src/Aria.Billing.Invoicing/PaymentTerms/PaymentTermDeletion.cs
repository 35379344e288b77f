namespace Aria.Billing.Invoicing;

/// <summary>What a delete did, and the terms it found (deleted, or kept because they were assigned).</summary>
/// <param name="Outcome">Deleted, not found, or kept because assigned.</param>
/// <param name="Term">The terms the key named; <see langword="null"/> when none did.</param>
public sealed record PaymentTermDeletion(PaymentTermDeleteOutcome Outcome, PaymentTerm? Term);

namespace Aria.Billing.Sync;

/// <summary>One code of the sync error catalog: why it happens and what to do before reprocessing.</summary>
/// <param name="Code">The code.</param>
/// <param name="Domains">The logs it appears in.</param>
/// <param name="Cause">Why it happens.</param>
/// <param name="Resolution">What to do.</param>
/// <param name="MissingPrerequisite">Whether it means another record must be processed first (dependency-aware reprocessing).</param>
public sealed record SyncErrorCatalogEntry(AriaErrorCode Code, IReadOnlyList<SyncDomain> Domains, string Cause, string Resolution, bool MissingPrerequisite);

namespace Aria.Billing.Invoicing;

/// <summary>The invoicing settings of every client, with per-client overrides (bound from <c>AriaBilling:Invoicing</c>).</summary>
public sealed class InvoicingOptions
{
    /// <summary>The configuration section these options bind to by convention: <c>AriaBilling:Invoicing</c>.</summary>
    public const string SectionName = "AriaBilling:Invoicing";

    /// <summary>The settings of a client without its own.</summary>
    public InvoiceSettings Defaults { get; set; } = new();

    /// <summary>Per-client settings by client number; a client listed here uses its own settings entirely.</summary>
    public IDictionary<long, InvoiceSettings> Clients { get; set; } = new Dictionary<long, InvoiceSettings>();

    /// <summary>How often an adjustment is tried again when other writers changed its invoice meanwhile.</summary>
    /// <value>Default 5. From 1 to 100.</value>
    public int MaxWriteAttempts { get; set; } = 5;

    /// <summary>The settings of <paramref name="client"/>.</summary>
    public InvoiceSettings For(ClientNumber client) => Clients.TryGetValue(client.Value, out var own) ? own : Defaults;

    /// <summary>The rules of these options, checked when the host starts and by the engines' constructors.</summary>
    internal static OptionRules<InvoicingOptions> Rules { get; } = new OptionRules<InvoicingOptions>(SectionName)
        .InRange(nameof(MaxWriteAttempts), o => o.MaxWriteAttempts, 1, 100)
        .Must(o => Check("Defaults", o.Defaults))
        .Must(o => o.Clients.Select(c => Check($"Clients:{c.Key}", c.Value)).FirstOrDefault(p => p is not null));

    private static string? Check(string key, InvoiceSettings? settings)
    {
        if (settings is null)
        {
            return $"{SectionName}:{key} is missing; it should hold the client's invoice settings.";
        }

        return Check($"{key}:CreditMemoNumbering", settings.CreditMemoNumbering)
            ?? Check($"{key}:RebillNumbering", settings.RebillNumbering)
            ?? (settings.TaxableAddressOrder is not { Count: > 0 } order || order.Distinct().Count() != order.Count || order.Any(r => !Enum.IsDefined(r))
                ? $"{SectionName}:{key}:TaxableAddressOrder is [{string.Join(", ", settings.TaxableAddressOrder ?? [])}]; it should name Account, Billing and Statement contacts, each at most once."
                : null);
    }

    private static string? Check(string key, NumberSequence? sequence) => sequence switch
    {
        null => $"{SectionName}:{key} is missing; it should describe the sequence.",
        { Digits: < 1 or > 18 } => $"{SectionName}:{key}:Digits is {sequence.Digits}; it should be in range [1-18].",
        { Start: < 1 } => $"{SectionName}:{key}:Start is {sequence.Start}; it should be at least 1.",
        _ when sequence.Start > sequence.Last => $"{SectionName}:{key}:Start is {sequence.Start}; it should have at most {sequence.Digits} digits.",
        { Affix: null } or { Affix.Length: > 20 } => $"{SectionName}:{key}:Affix is '{sequence.Affix}'; it should be at most 20 characters.",
        _ when !Enum.IsDefined(sequence.Position) => $"{SectionName}:{key}:Position is {sequence.Position}; it should be Prefix or Suffix.",
        _ => null,
    };
}

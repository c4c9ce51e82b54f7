namespace HybridLlm.ProprietaryAdapter.Serving;

/// <summary>
/// Logical model aliases (config <c>Proprietary:Aliases</c>, e.g. <c>fast</c> → <c>gpt-4o-mini</c>) so a vendor
/// deprecation is a configuration edit. An empty model or <c>auto</c> uses <c>Proprietary:Model</c>.
/// </summary>
public sealed class ModelAliasOptions
{
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

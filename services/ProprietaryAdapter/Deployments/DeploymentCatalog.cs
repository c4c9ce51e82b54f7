using System.Text.RegularExpressions;
using HybridLlm.ProprietaryAdapter.Providers;

namespace HybridLlm.ProprietaryAdapter.Deployments;

/// <summary>One configured deployment: its name, where it is configured, and its options.</summary>
internal sealed record DeploymentEntry(string Name, string ConfigurationPath, DeploymentOptions Options);

/// <summary>
/// Reads the deployments out of <see cref="ProprietaryOptions"/>: the legacy top-level keys as <c>default</c> (first),
/// then <c>Proprietary:Deployments:*</c> in ordinal name order, which is also the tie-break order when several
/// deployments have the same headroom.
/// </summary>
internal static partial class DeploymentCatalog
{
    public const string DefaultName = "default";

    public static IReadOnlyList<DeploymentEntry> All(ProprietaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entries = new List<DeploymentEntry>(options.Deployments.Count + 1);
        if (options.Provider != ProviderKind.None)
        {
            entries.Add(new DeploymentEntry(DefaultName, ProprietaryOptions.SectionName, new DeploymentOptions
            {
                Provider = options.Provider,
                Endpoint = options.Endpoint,
                ApiKey = options.ApiKey,
                Models = options.Models,
                RequestsPerMinute = options.RequestsPerMinute,
                TokensPerMinute = options.TokensPerMinute,
            }));
        }

        foreach (var (name, deployment) in options.Deployments.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            entries.Add(new DeploymentEntry(name, $"{ProprietaryOptions.SectionName}:Deployments:{name}", deployment));
        }

        return entries;
    }

    /// <summary>Deployment names as they appear in configuration, for registering one HttpClient (and breaker) each.</summary>
    public static IEnumerable<string> NamesIn(IConfiguration configuration)
    {
        yield return DefaultName;
        foreach (var child in configuration.GetSection($"{ProprietaryOptions.SectionName}:Deployments").GetChildren())
        {
            if (!string.Equals(child.Key, DefaultName, StringComparison.OrdinalIgnoreCase))
            {
                yield return child.Key;
            }
        }
    }

    /// <summary>Names end up in Redis keys, HttpClient names and logs: keep them plain.</summary>
    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidName();
}

using HybridLlm.ProprietaryAdapter.Deployments;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Turns a deployment's <see cref="DeploymentOptions.Endpoint"/> into the base address each SDK expects.</summary>
internal static class ProviderEndpoints
{
    public static readonly Uri AnthropicDefault = new("https://api.anthropic.com");

    /// <summary>
    /// The OpenAI SDK's <c>Endpoint</c>: null keeps api.openai.com; otherwise <c>{Endpoint}/v1</c>, or for Azure the
    /// OpenAI-compatible v1 surface <c>{Endpoint}/openai/v1</c> (no api-version, key sent as a bearer token, model = the
    /// deployment name). A suffix already present is not doubled.
    /// </summary>
    public static Uri? OpenAiEndpoint(DeploymentOptions options) => options.Provider switch
    {
        ProviderKind.OpenAI => options.Endpoint is null ? null : WithSuffix(options.Endpoint, "/v1"),
        ProviderKind.OpenAICompatible => WithSuffix(Required(options), "/v1"),
        ProviderKind.AzureOpenAI => WithSuffix(Required(options), "/openai/v1"),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Not an OpenAI-shaped provider."),
    };

    /// <summary>The Anthropic SDK's <c>BaseUrl</c>: the root without <c>/v1</c> (the SDK appends <c>/v1/messages</c>).</summary>
    public static string AnthropicBaseUrl(DeploymentOptions options)
    {
        var root = options.Endpoint ?? AnthropicDefault;
        var text = root.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return text.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? text[..^3] : text;
    }

    /// <summary>Scheme, host, port and path only, safe to log: user info or a query string could hold credentials.</summary>
    public static string Describe(Uri? endpoint) =>
        endpoint is { IsAbsoluteUri: true } ? $"{endpoint.Scheme}://{endpoint.Authority}{endpoint.AbsolutePath}"
        : endpoint is null ? "(vendor default)"
        : "(relative address)";

    private static Uri Required(DeploymentOptions options) =>
        options.Endpoint ?? throw new InvalidOperationException($"An endpoint is required for {options.Provider}.");

    private static Uri WithSuffix(Uri endpoint, string suffix)
    {
        var text = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? text : text + suffix);
    }
}

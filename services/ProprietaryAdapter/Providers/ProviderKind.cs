namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Which vendor API the proprietary adapter talks to (configuration key <c>Proprietary:Provider</c>).</summary>
internal enum ProviderKind
{
    /// <summary>No provider: the adapter reports itself not configured.</summary>
    None,

    /// <summary>api.openai.com (or <c>Endpoint</c> + <c>/v1</c>).</summary>
    OpenAI,

    /// <summary>Azure OpenAI through its OpenAI-compatible v1 surface, <c>{Endpoint}/openai/v1/</c>.</summary>
    AzureOpenAI,

    /// <summary>api.anthropic.com (or <c>Endpoint</c>) through the official Anthropic SDK.</summary>
    Anthropic,

    /// <summary>Any server speaking the OpenAI chat completions API (vLLM, Ollama, llama-server) at <c>Endpoint</c> + <c>/v1</c>.</summary>
    OpenAICompatible,
}

namespace HybridLlm.LocalInference.Serving;

/// <summary>What answers the service's requests (<c>LocalInference:Backend</c>).</summary>
public enum InferenceBackend
{
    /// <summary>A GGUF model in this process, through LLamaSharp (llama.cpp).</summary>
    LlamaSharp,

    /// <summary>An upstream vLLM, TGI, Ollama or llama-server endpoint, through the OpenAI SDK.</summary>
    OpenAICompatible,
}

using HybridLlm.Contracts;
using HybridLlm.Contracts.Grpc;
using HybridLlm.LocalInference.Hosting;
using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference;

internal static class Extensions
{
    public static void AddLocalInferenceServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddChatGrpcService();
        services.AddLlamaInference(builder.Configuration);

        // A caller may ask for at most what this model is configured to generate.
        services.AddOptions<ChatLimitsOptions>().Configure<IOptions<LlamaOptions>>((limits, llama) =>
            limits.MaxOutputTokens = Math.Min(limits.MaxOutputTokens, llama.Value.MaxOutputTokens));

        // Ready only after the model has loaded and one warm-up generation has run; liveness stays separate.
        services.AddSingleton<ModelWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelWarmup>());
        services.AddHealthChecks().AddCheck<ModelReadyHealthCheck>("model-ready");
    }
}

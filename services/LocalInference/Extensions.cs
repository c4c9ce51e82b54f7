using System.Net;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Grpc;
using HybridLlm.LocalInference.Admission;
using HybridLlm.LocalInference.Hosting;
using HybridLlm.LocalInference.Llama;
using HybridLlm.LocalInference.ModelFiles;
using HybridLlm.LocalInference.Serving;
using HybridLlm.LocalInference.Telemetry;
using HybridLlm.LocalInference.Upstream;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference;

internal static class Extensions
{
    /// <summary>
    /// The service: the backend named by <c>LocalInference:Backend</c> behind admission control, metrics and the gen_ai
    /// span, served through the shared ChatService; ready only after load + warm-up and while memory is in bounds.
    /// Every setting is checked at start.
    /// </summary>
    public static void AddLocalInferenceServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(LlamaOptions.SectionName);
        services.AddChatGrpcService();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<LlamaOptions, LlamaOptionsValidator>(section);
        services.AddValidatedOptions<ServingOptions, ServingOptionsValidator>(section);

        // A caller may ask for at most what this service is configured to generate.
        services.AddOptions<ChatLimitsOptions>().Configure<IOptions<LlamaOptions>>((limits, llama) =>
            limits.MaxOutputTokens = Math.Min(limits.MaxOutputTokens, llama.Value.MaxOutputTokens));

        // Chosen here, not per request: only the chosen backend's settings are required and checked.
        if (section.GetValue<InferenceBackend>(nameof(ServingOptions.Backend)) == InferenceBackend.OpenAICompatible)
        {
            services.AddUpstreamBackend(section);
        }
        else
        {
            services.AddLlamaBackend();
        }

        services.AddSingleton<AdmissionController>();
        services.AddSingleton<LocalInferenceMetrics>();
        services.AddSingleton<ServedChatClient>();
        services.AddSingleton<IChatClient>(sp => sp.GetRequiredService<ServedChatClient>());

        services.AddSingleton<ModelWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelWarmup>());
        // Readiness (/health) = these + "self"; liveness (/alive) = "self" only, so a loading or memory-bound
        // instance is taken out of rotation, not killed mid-download.
        services.AddHealthChecks()
            .AddCheck<ModelReadyHealthCheck>("model-ready")
            .AddCheck<WorkingSetHealthCheck>("working-set");
    }

    private static void AddLlamaBackend(this IServiceCollection services)
    {
        // Redirects are followed by hand (to read X-Linked-Etag on the hop that states it); a download may take long,
        // so only the downloader's stall timeout applies.
        services.AddHttpClient<ModelDownloader>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
            });
        services.AddSingleton<ModelFileAcquirer>();
        services.AddSingleton<LlamaBackendLoader>();
        services.AddSingleton<IModelBackendLoader>(sp => sp.GetRequiredService<LlamaBackendLoader>());
    }

    private static void AddUpstreamBackend(this IServiceCollection services, IConfigurationSection section)
    {
        services.AddValidatedOptions<UpstreamOptions, UpstreamOptionsValidator>(section);
        // No resilience handler: retries are the gateway's (it fails over); the SDK's network timeout bounds a call.
        services.AddHttpClient(UpstreamBackendLoader.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<UpstreamBackendLoader>();
        services.AddSingleton<IModelBackendLoader>(sp => sp.GetRequiredService<UpstreamBackendLoader>());
    }

    private static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfigurationSection section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptionsWithValidateOnStart<TOptions>().Bind(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}

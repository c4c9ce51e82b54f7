using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In this namespace so AddLlamaInference is found next to the other Add* calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers in-process llama.cpp inference.</summary>
public static class LlamaServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="LlamaOptions"/> from the <c>LocalInference</c> section (at start), and
    /// registers the model and its <see cref="IChatClient"/> as singletons, plus <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is already registered. The model loads on first use.
    /// </summary>
    public static IServiceCollection AddLlamaInference(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptionsWithValidateOnStart<LlamaOptions>()
            .Bind(configuration.GetSection(LlamaOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlamaOptions>, LlamaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LlamaModel>();
        services.TryAddSingleton<LlamaChatClient>();
        services.TryAddSingleton<IChatClient>(sp => sp.GetRequiredService<LlamaChatClient>());
        return services;
    }
}

using HybridLlm.Contracts.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HybridLlm.Contracts;

public static class ContractsServiceCollectionExtensions
{
    /// <summary>Registers what <see cref="ChatGrpcService"/> needs besides the host's own <c>IChatClient</c>.</summary>
    public static IServiceCollection AddChatGrpcService(this IServiceCollection services)
    {
        services.AddGrpc(o => o.EnableDetailedErrors = false);
        services.AddOptionsWithValidateOnStart<ChatLimitsOptions>()
            .BindConfiguration(ChatLimitsOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<ChatLimitsOptions>, ChatLimitsOptionsValidator>());
        services.TryAddSingleton<ChatRequestValidator>();
        return services;
    }
}

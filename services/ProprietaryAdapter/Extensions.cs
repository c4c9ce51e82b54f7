using HybridLlm.Contracts;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Serving;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter;

internal static class Extensions
{
    public static void AddProprietaryAdapterServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddChatGrpcService();
        services.Configure<ModelAliasOptions>(builder.Configuration.GetSection(ProprietaryOptions.SectionName));

        // What the gRPC service calls: the provider client behind the contract's alias and error rules, with gen_ai
        // telemetry. Registered before AddProprietaryProvider so it is the IChatClient the host resolves.
        services.AddChatClient(sp => sp.GetRequiredService<ProviderChatClientFactory>().Create())
            .UseOpenTelemetry(configure: o => o.EnableSensitiveData = false)
            .Use((inner, sp) => new ContractChatClient(inner, sp.GetRequiredService<IOptionsMonitor<ModelAliasOptions>>()));
        services.AddProprietaryProvider(builder.Configuration);
        services.AddHealthChecks().AddProprietaryProviderCheck();
    }
}

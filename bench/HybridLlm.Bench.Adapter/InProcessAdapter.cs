using HybridLlm.ProprietaryAdapter;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridLlm.Bench.Adapter;

/// <summary>The adapter's services as Program.cs registers them, hosted in the bench process to call its pipeline directly.</summary>
internal sealed class InProcessAdapter : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessAdapter(IHost host)
    {
        _host = host;
        Pipeline = host.Services.GetRequiredService<IChatClient>();
        ProviderLayer = host.Services.GetRequiredKeyedService<IChatClient>(ProprietaryServiceCollectionExtensions.ProviderClientKey);
    }

    /// <summary>What ChatGrpcService calls: telemetry, contract (aliases, errors), deferral, then the provider layer.</summary>
    public IChatClient Pipeline { get; }

    /// <summary>The provider layer alone: deployment router, limiter, retry loop and breaker, SDK.</summary>
    public IChatClient ProviderLayer { get; }

    public static async Task<InProcessAdapter> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        // Only these settings: the output folder carries the service's appsettings.json.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddProprietaryAdapterServices();
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessAdapter(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

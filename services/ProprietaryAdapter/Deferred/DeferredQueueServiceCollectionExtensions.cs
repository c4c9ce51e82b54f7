using HybridLlm.Contracts.Deferred;
using HybridLlm.ProprietaryAdapter.Deferred;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis deferred queue: the job store, the worker, and the source for <c>GetDeferredResult</c>.</summary>
internal static class DeferredQueueServiceCollectionExtensions
{
    /// <summary>Needs an <c>IConnectionMultiplexer</c> and <see cref="ProprietaryServiceCollectionExtensions.AddProprietaryProvider"/>.</summary>
    public static IServiceCollection AddDeferredQueue(this IServiceCollection services)
    {
        services.TryAddSingleton<DeferredJobStore>();
        services.TryAddSingleton<DeferredQueueSignal>();
        services.TryAddSingleton<IDeferredResultSource, RedisDeferredResultSource>();
        services.AddHostedService<DeferredQueueWorker>();
        return services;
    }
}

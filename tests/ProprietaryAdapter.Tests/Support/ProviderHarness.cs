using HybridLlm.ProprietaryAdapter.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HybridLlm.ProprietaryAdapter.Tests.Support;

/// <summary>The provider layer wired exactly as the service wires it, with fake logging and an optional fake clock.</summary>
internal sealed class ProviderHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProviderHarness(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public IChatClient Client => _services.GetRequiredService<IChatClient>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <summary>
    /// Builds the container and runs start-time options validation, as the host would. With <paramref name="redis"/> the
    /// rate limiter meters through it (each harness is one replica).
    /// </summary>
    public static ProviderHarness Start(IDictionary<string, string?> settings, TimeProvider? timeProvider = null, IConnectionMultiplexer? redis = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        if (redis is not null)
        {
            services.AddSingleton(redis);
        }

        services.AddProprietaryProvider(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new ProviderHarness(provider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Configuration dictionaries for the fake vendors.</summary>
internal static class TestSettings
{
    /// <summary>A recognisable key so a leak into logs or messages is easy to detect.</summary>
    public const string ApiKey = "sk-test-SECRET-7f3a9c21e5";

    public const string OpenAiModel = "gpt-4o-mini";
    public const string AnthropicModel = "claude-3-5-haiku-latest";

    /// <summary>Settings for a provider at <paramref name="endpoint"/> with tiny real-time backoff (10 ms, capped at 50 ms).</summary>
    public static Dictionary<string, string?> For(ProviderKind provider, Uri endpoint, string? apiKey = ApiKey) => new()
    {
        ["Proprietary:Provider"] = provider.ToString(),
        ["Proprietary:Endpoint"] = endpoint.ToString(),
        ["Proprietary:ApiKey"] = apiKey,
        ["Proprietary:Model"] = provider == ProviderKind.Anthropic ? AnthropicModel : OpenAiModel,
        ["Proprietary:Retry:BaseDelay"] = "00:00:00.010",
        ["Proprietary:Retry:MaxDelay"] = "00:00:00.050",
    };

    /// <summary>Settings with the production retry delays (2 s growing to 30 s), for tests that drive a fake clock.</summary>
    public static Dictionary<string, string?> WithDefaultDelays(ProviderKind provider, Uri endpoint) =>
        For(provider, endpoint)
            .With("Proprietary:Retry:BaseDelay", null)
            .With("Proprietary:Retry:MaxDelay", null);

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, string? value)
    {
        if (value is null)
        {
            settings.Remove(key);
        }
        else
        {
            settings[key] = value;
        }

        return settings;
    }
}

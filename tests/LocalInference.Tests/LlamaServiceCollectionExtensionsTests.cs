using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Tests;

public sealed class LlamaServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLlamaInference_ValidSection_ServesChatClientFromConfiguredModel()
    {
        using var services = Build(new() { ["LocalInference:Model"] = StoriesModel.Path, ["LocalInference:MaxConcurrentSequences"] = "2" });
        services.GetRequiredService<IStartupValidator>().Validate();

        var client = services.GetRequiredService<IChatClient>();
        var response = await client.GetResponseAsync(Prompts.User("The sun was hot"), Prompts.Seeded(6, 4));

        Assert.IsType<LlamaChatClient>(client);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Equal(2, services.GetRequiredService<IOptions<LlamaOptions>>().Value.MaxConcurrentSequences);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
    }

    [Theory]
    [InlineData("LocalInference:MaxConcurrentSequences", "0")]
    [InlineData("LocalInference:MaxOutputTokens", "0")]
    [InlineData("LocalInference:ContextSize", "8")]
    [InlineData("LocalInference:GpuLayerCount", "-1")]
    public void AddLlamaInference_OutOfRangeSetting_FailsValidationAtStart(string key, string value)
    {
        using var services = Build(new() { ["LocalInference:Model"] = StoriesModel.Path, [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLlamaInference_NoModelPath_FailsValidationAtStart()
    {
        using var services = Build([]);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(LlamaOptions.Model), error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddLlamaInference(configuration).BuildServiceProvider();
    }
}

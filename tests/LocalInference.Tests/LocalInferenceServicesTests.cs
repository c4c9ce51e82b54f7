using HybridLlm.Contracts;
using HybridLlm.LocalInference.Admission;
using HybridLlm.LocalInference.Llama;
using HybridLlm.LocalInference.Serving;
using HybridLlm.LocalInference.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Tests;

public sealed class LocalInferenceServicesTests
{
    [Fact]
    public async Task Start_ValidSettings_ServesTheConfiguredModelThroughTheServingPipeline()
    {
        await using var host = await ServiceHost.StartAsync(ServiceHost.StoriesSettings(("LocalInference:MaxConcurrentSequences", "2")));

        var client = host.Services.GetRequiredService<IChatClient>();
        var response = await client.GetResponseAsync(Prompts.User("The sun was hot"), Prompts.Seeded(6, 4));

        Assert.IsType<ServedChatClient>(client);
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(2, host.Services.GetRequiredService<AdmissionController>().Slots);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        Assert.Equal(StoriesModel.Digest, ChatMetadata.GetString(response.AdditionalProperties, ChatMetadata.ModelDigest));
    }

    [Theory]
    [InlineData("LocalInference:MaxConcurrentSequences", "0")]
    [InlineData("LocalInference:MaxOutputTokens", "0")]
    [InlineData("LocalInference:ContextSize", "8")]
    [InlineData("LocalInference:GpuLayerCount", "-1")]
    [InlineData("LocalInference:MaxQueuedRequests", "-1")]
    [InlineData("LocalInference:MaxQueueWait", "-00:00:01")]
    [InlineData("LocalInference:ModelSha256", "not-a-sha256")]
    [InlineData("LocalInference:MaxWorkingSetBytes", "0")]
    public void Start_OutOfRangeSetting_FailsValidationNamingIt(string key, string value)
    {
        using var host = Build(new() { ["LocalInference:Model"] = StoriesModel.Path, [key] = value });

        // Settings other options depend on (the output cap) fail those too: the host reports them together.
        var error = Assert.ThrowsAny<Exception>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.True(error is OptionsValidationException or AggregateException { InnerExceptions: [OptionsValidationException, ..] }, error.ToString());
        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoModelConfigured_DefaultsToASmallInstructModelUrlWithNoDigestInCode()
    {
        using var host = Build([]);
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var options = host.Services.GetRequiredService<IOptions<LlamaOptions>>().Value;

        Assert.Equal(LlamaOptions.DefaultModelUrl, options.Model);
        Assert.StartsWith("https://huggingface.co/", options.Model, StringComparison.Ordinal);
        Assert.EndsWith("q4_k_m.gguf", options.Model, StringComparison.Ordinal);
        Assert.Null(options.ModelSha256);
    }

    [Fact]
    public void Start_OpenAICompatibleBackendWithoutEndpointOrModel_FailsValidationNamingBoth()
    {
        using var host = Build(new() { ["LocalInference:Backend"] = "OpenAICompatible" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("UpstreamModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnknownBackend_FailsNamingTheValue()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["LocalInference:Backend"] = "Tensorflow" }));

        Assert.Contains("Tensorflow", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddLocalInferenceServices();
        return builder.Build();
    }
}

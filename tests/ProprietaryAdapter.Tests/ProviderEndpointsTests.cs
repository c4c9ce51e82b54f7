using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.Providers;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>Each SDK gets the base address it expects from one <c>Proprietary:Endpoint</c> setting.</summary>
public sealed class ProviderEndpointsTests
{
    [Theory]
    [InlineData("OpenAI", "http://host:8000", "http://host:8000/v1")]
    [InlineData("OpenAI", "http://host:8000/v1/", "http://host:8000/v1")]
    [InlineData("OpenAICompatible", "http://localhost:11434/", "http://localhost:11434/v1")]
    [InlineData("AzureOpenAI", "https://res.openai.azure.com", "https://res.openai.azure.com/openai/v1")]
    [InlineData("AzureOpenAI", "https://res.openai.azure.com/openai/v1/", "https://res.openai.azure.com/openai/v1")]
    public void OpenAiEndpoint_Override_AppendsTheApiPathOnce(string provider, string endpoint, string expected)
    {
        var options = new DeploymentOptions { Provider = Enum.Parse<ProviderKind>(provider), Endpoint = new Uri(endpoint) };

        Assert.Equal(new Uri(expected), ProviderEndpoints.OpenAiEndpoint(options));
    }

    [Fact]
    public void OpenAiEndpoint_NoOverride_KeepsTheSdkDefault() =>
        Assert.Null(ProviderEndpoints.OpenAiEndpoint(new DeploymentOptions { Provider = ProviderKind.OpenAI }));

    [Theory]
    [InlineData(null, "https://api.anthropic.com")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000")]
    [InlineData("http://127.0.0.1:5000/v1", "http://127.0.0.1:5000")]
    public void AnthropicBaseUrl_IsTheRootWithoutV1(string? endpoint, string expected)
    {
        var options = new DeploymentOptions
        {
            Provider = ProviderKind.Anthropic,
            Endpoint = endpoint is null ? null : new Uri(endpoint),
        };

        Assert.Equal(expected, ProviderEndpoints.AnthropicBaseUrl(options));
    }
}

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace HybridLlm.EndToEnd.Tests;

/// <summary>An existing OpenAI client pointed at the gateway's HTTP endpoint, through the whole running system.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenAiCompatibleEndToEndTests(HybridLlmAppFixture app)
{
    private ChatClient Sdk(string model)
    {
        var endpoint = app.App.GetEndpoint("gateway", "http");
        return new OpenAIClient(new ApiKeyCredential("dev-mode"), new OpenAIClientOptions
        {
            Endpoint = new Uri(endpoint, "/v1"),
            RetryPolicy = new ClientRetryPolicy(0),
        }).GetChatClient(model);
    }

    [Fact]
    public async Task ChatCompletions_OfficialSdkWithLocalAlias_IsAnsweredByStories260K()
    {
        var result = await Sdk("local").CompleteChatAsync(
            [new UserChatMessage($"Once upon a time a fox {Guid.NewGuid():N}")],
            new ChatCompletionOptions { MaxOutputTokenCount = 16, Temperature = 0 });

        Assert.False(string.IsNullOrWhiteSpace(result.Value.Content[0].Text));
        Assert.True(result.Value.Usage.OutputTokenCount > 0);
        Assert.True(result.GetRawResponse().Headers.TryGetValue("x-hybridllm-route", out var route));
        Assert.Equal("local", route);
    }

    [Fact]
    public async Task ChatCompletions_StreamingThroughTheGateway_DeliversTextAndUsage()
    {
        var text = new System.Text.StringBuilder();
        ChatTokenUsage? usage = null;
        await foreach (var update in Sdk("local").CompleteChatStreamingAsync(
            [new UserChatMessage($"Once upon a time a owl {Guid.NewGuid():N}")],
            new ChatCompletionOptions { MaxOutputTokenCount = 16 }))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            usage = update.Usage ?? usage;
        }

        Assert.False(string.IsNullOrWhiteSpace(text.ToString()));
        Assert.NotNull(usage);
        Assert.True(usage.OutputTokenCount > 0);
    }

    [Fact]
    public async Task Report_AfterTraffic_ShowsLocalRequests()
    {
        await Sdk("local").CompleteChatAsync([new UserChatMessage($"Once upon a time a bee {Guid.NewGuid():N}")],
            new ChatCompletionOptions { MaxOutputTokenCount = 8 });
        using var http = new HttpClient { BaseAddress = app.App.GetEndpoint("gateway", "http") };

        using var json = JsonDocument.Parse(await http.GetStringAsync("/v1/hybridllm/report?days=1"));

        var local = json.RootElement.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("route").GetString() == "local");
        Assert.True(long.Parse(local.GetProperty("requests").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}

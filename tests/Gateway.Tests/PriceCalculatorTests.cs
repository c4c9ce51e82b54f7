using HybridLlm.Contracts;
using HybridLlm.Gateway.Costing;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Tests;

public sealed class PriceCalculatorTests
{
    private static PriceCalculator Calculator(Action<PricingOptions>? configure = null)
    {
        var options = new PricingOptions
        {
            Models = new(StringComparer.OrdinalIgnoreCase)
            {
                ["claude-3-5-haiku"] = new ModelPrice { InputUsdPerMillion = 0.80, OutputUsdPerMillion = 4, CachedInputUsdPerMillion = 0.08 },
                ["gpt-4o"] = new ModelPrice { InputUsdPerMillion = 2.5, OutputUsdPerMillion = 10 },
                ["gpt-4o-mini"] = new ModelPrice { InputUsdPerMillion = 0.15, OutputUsdPerMillion = 0.6 },
            },
        };
        configure?.Invoke(options);
        return new PriceCalculator(new StaticOptionsMonitor<PricingOptions>(options));
    }

    [Fact]
    public void Price_HaikuWorkloadFromTheDomainFigures_IsAboutOneTenthOfACent()
    {
        // 500-token prompt, 200-token answer on Haiku: ~$0.0012 per call.
        var cost = Calculator().Price(RouteNames.Proprietary, "claude-3-5-haiku-20241022", new UsageDetails { InputTokenCount = 500, OutputTokenCount = 200 });

        Assert.Equal(0.0012, cost!.Value, 9);
    }

    [Fact]
    public void Price_CachedInputTokens_AreChargedAtTheirOwnPrice()
    {
        var cost = Calculator().Price(RouteNames.Proprietary, "claude-3-5-haiku", new UsageDetails { InputTokenCount = 1000, CachedInputTokenCount = 800, OutputTokenCount = 0 });

        Assert.Equal((200 * 0.80 + 800 * 0.08) / 1e6, cost!.Value, 12);
    }

    [Fact]
    public void Price_VersionedModelId_UsesTheLongestConfiguredPrefix()
    {
        var cost = Calculator().Price(RouteNames.Proprietary, "gpt-4o-mini-2024-07-18", new UsageDetails { InputTokenCount = 1_000_000 });

        Assert.Equal(0.15, cost!.Value, 9);
    }

    [Fact]
    public void Price_UnknownModel_IsUnknownNotFree()
    {
        Assert.Null(Calculator().Price(RouteNames.Proprietary, "mystery-model", new UsageDetails { InputTokenCount = 10 }));
    }

    [Fact]
    public void Price_LocalWithGpuHourlyCost_IsTheGpuTimeTheTokensTook()
    {
        var calculator = Calculator(o =>
        {
            o.LocalGpuHourlyUsd = 3.60;
            o.LocalOutputTokensPerSecond = 100;
            o.LocalPrefillTokensPerSecond = 1000;
        });

        // 1,000 prompt tokens = 1 s, 200 output tokens = 2 s: 3 s of a $3.60/h GPU.
        var cost = calculator.Price(RouteNames.Local, "llama", new UsageDetails { InputTokenCount = 1000, OutputTokenCount = 200 });

        Assert.Equal(0.003, cost!.Value, 9);
    }

    [Fact]
    public void Price_LocalWithMeasuredComputeTime_IsThatTimeOfTheGpuWhateverTheTokenCounts()
    {
        var calculator = Calculator(o =>
        {
            o.LocalGpuHourlyUsd = 3.60;
            o.LocalOutputTokensPerSecond = 100;
            o.LocalPrefillTokensPerSecond = 1000;
        });

        // The backend measured 2.5 s of decode time for this answer: 2.5 s of a $3.60/h GPU, not the 3 s the configured
        // throughput would estimate for these tokens.
        var cost = calculator.Price(RouteNames.Local, "llama", new UsageDetails { InputTokenCount = 1000, OutputTokenCount = 200 }, computeMs: 2500);

        Assert.Equal(0.0025, cost!.Value, 9);
    }

    [Fact]
    public async Task Costing_LocalAnswerCarryingComputeTime_IsPricedFromIt()
    {
        var backend = new TestChatClient
        {
            Respond = (_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, "answer"))
            {
                ModelId = "stories260K",
                Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5 },
                AdditionalProperties = new() { [ChatMetadata.Route] = RouteNames.Local, [ChatMetadata.ComputeMs] = 1000d },
            },
        };
        using var costing = new CostingChatClient(backend, Calculator(o => o.LocalGpuHourlyUsd = 3.60), spend: null, TimeProvider.System);

        var response = await costing.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        Assert.Equal(0.001, ChatMetadata.GetDouble(response.AdditionalProperties, ChatMetadata.CostUsd), 9);
    }
}

using System.Text.Json;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Gateway.Tests;

[Collection(RedisCollection.Name)]
public sealed class SpendReportTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Report_AfterLocalAndProprietaryTraffic_ShowsSpendByRouteSavingsAndCrossover()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        var tenant = $"report-{Guid.NewGuid():N}";
        var scores = new Queue<double>([0.1, 0.9]);
        server.Classifier.Answer = () => new ClassifyResponse { StrongScore = scores.Dequeue(), InputTokens = 10 };
        foreach (var text in new[] { "first question", "second question" })
        {
            await server.Client.CompleteAsync(new ChatRequest
            {
                Messages = { new ChatMessage { Role = ChatRole.User, Text = text } },
                Hints = new RoutingHints { TenantId = tenant },
            });
        }

        using var http = server.CreateHttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync($"/v1/hybridllm/report?tenant={tenant}&days=1"));
        var root = json.RootElement;

        var routes = root.GetProperty("routes").EnumerateArray().ToDictionary(r => r.GetProperty("route").GetString()!);
        Assert.Equal("1", routes["local"].GetProperty("requests").GetString());
        Assert.Equal("1", routes["proprietary"].GetProperty("requests").GetString());
        var actual = root.GetProperty("actual_cost_usd").GetDouble();
        var allApi = root.GetProperty("all_api_cost_usd").GetDouble();
        Assert.Equal(0.02, actual, 9);
        Assert.Equal(0.04, allApi, 9);
        Assert.Equal(50, root.GetProperty("savings_percent").GetDouble(), 6);
        Assert.False(root.GetProperty("self_hosting_pays").GetBoolean());
        Assert.Contains("the API is cheaper", root.GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_DaysOutOfRange_Is400()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync("/v1/hybridllm/report?days=1000");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}

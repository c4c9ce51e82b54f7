using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using HybridLlm.Bench.Adapter;
using HybridLlm.Contracts.Mapping;
using HybridLlm.Grpc.V1;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;
using OpenAI;

// Adapter overhead against the same OpenAI SDK calling the same fake vendor directly, at 1 and 200 concurrent, all in
// one run and interleaved (the machine is shared), plus the service process's CPU and memory at steady load.
// Arguments: [iterations at 1 concurrent] [rounds at 200] [requests per slice at 200]
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
var sliceRequests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4_000;
const string Model = "gpt-4o-mini";
const string Key = "sk-bench-not-a-real-key";

await using var vendor = await FakeOpenAiServer.StartAsync();
vendor.RecordRequests = false;
vendor.ReplyText = string.Concat(Enumerable.Repeat("The quarterly numbers improved on lower costs. ", 16)); // ~200 tokens
await using var redis = await RedisServer.StartAsync();

Dictionary<string, string?> Settings(string space, bool metered)
{
    var settings = new Dictionary<string, string?>
    {
        ["ConnectionStrings:redis"] = redis.ConnectionString,
        ["Proprietary:Provider"] = "OpenAI",
        ["Proprietary:Endpoint"] = vendor.BaseAddress.ToString(),
        ["Proprietary:ApiKey"] = Key,
        ["Proprietary:Model"] = Model,
        ["Proprietary:RateLimit:KeyPrefix"] = $"bench:{space}",
        ["Proprietary:Deferred:KeyPrefix"] = $"bench:{space}:deferred",
    };
    if (metered)
    {
        // Far above the offered load: every request pays the Redis acquire + settle, none waits.
        settings["Proprietary:RequestsPerMinute"] = "10000000";
        settings["Proprietary:TokensPerMinute"] = "2000000000";
    }

    return settings;
}

await using var inProcess = await InProcessAdapter.StartAsync(Settings("in-process", metered: false));
await using var service = await AdapterProcess.StartAsync(Settings("service", metered: false));
await using var meteredService = await AdapterProcess.StartAsync(Settings("metered", metered: true));
using var directHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
var direct = new OpenAIClient(new ApiKeyCredential(Key), new OpenAIClientOptions
{
    Endpoint = new Uri(vendor.BaseAddress, "v1"),
    RetryPolicy = new ClientRetryPolicy(0),
    Transport = new HttpClientPipelineTransport(directHttp),
}).GetChatClient(Model).AsIChatClient();

var request = new ChatRequest
{
    Messages = { new HybridLlm.Grpc.V1.ChatMessage { Role = HybridLlm.Grpc.V1.ChatRole.User, Text = string.Concat(Enumerable.Repeat("Summarise the attached quarterly report for the board. ", 36)) } },
    Options = new HybridLlm.Grpc.V1.ChatOptions { MaxOutputTokens = 256 },
};
var messages = ChatRequestMapper.ToAiMessages(request);
Variant[] variants =
[
    new("direct SDK", ct => direct.GetResponseAsync(messages, new Microsoft.Extensions.AI.ChatOptions { ModelId = Model, MaxOutputTokens = 256 }, ct)),
    new("adapter provider layer, in-process", ct => inProcess.ProviderLayer.GetResponseAsync(messages, ChatRequestMapper.ToAiOptions(request), ct)),
    new("adapter pipeline, in-process", ct => inProcess.Pipeline.GetResponseAsync(messages, ChatRequestMapper.ToAiOptions(request), ct)),
    new("adapter service over gRPC", ct => service.Grpc.CompleteAsync(request, cancellationToken: ct).ResponseAsync, service),
    new("adapter service over gRPC + Redis limiter", ct => meteredService.Grpc.CompleteAsync(request, cancellationToken: ct).ResponseAsync, meteredService),
];

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, bench server GC {System.Runtime.GCSettings.IsServerGC}; " +
    $"{iterations} interleaved requests per variant at 1, {rounds} x {sliceRequests} per variant at 200 concurrent");
foreach (var variant in variants)
{
    // JIT tiering, connection pools, Redis script cache: long enough that tier-1 code is in place before measuring.
    await LoadRunner.SliceAsync(new Measurement(variant, 16), 4_000);
}

await Task.Delay(TimeSpan.FromSeconds(2)); // let background recompilation finish
var idle = variants.Where(v => v.Service is not null).Select(v => $"{v.Name} {v.Service!.WorkingSet / 1024.0 / 1024.0:F0} MB");
Console.WriteLine($"service RSS after warm-up: {string.Join(", ", idle)}");
Console.WriteLine($"load average before: {LoadAverage()}");

var atOne = variants.Select(v => new Measurement(v, 1)).ToList();
await LoadRunner.InterleavedSequentialAsync(atOne, iterations);
var at200 = variants.Select(v => new Measurement(v, 200)).ToList();
for (var round = 0; round < rounds; round++)
{
    for (var k = 0; k < at200.Count; k++)
    {
        await LoadRunner.SliceAsync(at200[(round + k) % at200.Count], sliceRequests);
    }

    Console.WriteLine($"round {round + 1} of {rounds} done at 200 concurrent");
}

Console.WriteLine($"load average after: {LoadAverage()}");
var afterLoad = variants.Where(v => v.Service is not null).Select(v => $"{v.Name} {v.Service!.WorkingSet / 1024.0 / 1024.0:F0} MB");
Console.WriteLine($"service RSS right after the load: {string.Join(", ", afterLoad)}");
Console.WriteLine();
Console.WriteLine(Report.Markdown([.. atOne, .. at200], variants[0].Name));
Console.WriteLine("* in-process variants: RSS of the whole bench process (fake vendor, clients and the in-process adapter).");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

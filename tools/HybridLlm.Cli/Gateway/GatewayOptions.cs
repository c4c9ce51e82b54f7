using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;

namespace HybridLlm.Cli.Gateway;

/// <summary>
/// How the gateway commands reach a running gateway: <c>--gateway</c> (or <c>HYBRIDLLM_GATEWAY</c>, default
/// <c>http://localhost:5400</c>, its gRPC port) and <c>--api-key</c> (or <c>HYBRIDLLM_API_KEY</c>).
/// </summary>
internal sealed class GatewayOptions
{
    public Option<string> Address { get; } = new("--gateway")
    {
        Description = "Gateway gRPC address (env HYBRIDLLM_GATEWAY).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HYBRIDLLM_GATEWAY") ?? "http://localhost:5400",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "Tenant API key (env HYBRIDLLM_API_KEY); not needed when the gateway runs without keys.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HYBRIDLLM_API_KEY"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Address);
        command.Options.Add(ApiKey);
    }

    public GrpcChannel Channel(ParseResult parse) => GrpcChannel.ForAddress(parse.GetValue(Address)!);

    public Metadata Headers(ParseResult parse) =>
        parse.GetValue(ApiKey) is { Length: > 0 } key ? new Metadata { { "authorization", $"Bearer {key}" } } : [];
}

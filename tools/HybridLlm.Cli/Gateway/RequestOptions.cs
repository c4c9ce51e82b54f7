using System.CommandLine;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Cli.Gateway;

/// <summary>The routing hints and generation options shared by <c>chat</c>, <c>route</c> and <c>bench</c>.</summary>
internal sealed class RequestOptions
{
    public Option<string> Route { get; } = new("--route") { Description = "auto, local or proprietary.", DefaultValueFactory = _ => "auto" };

    public Option<bool> Private { get; } = new("--private") { Description = "Private data: local only, fails closed." };

    public Option<string?> Tenant { get; } = new("--tenant") { Description = "Tenant id (ignored when an API key names the tenant)." };

    public Option<string> Model { get; } = new("--model") { Description = "Model alias, or auto.", DefaultValueFactory = _ => "auto" };

    public Option<int> MaxTokens { get; } = new("--max-tokens") { Description = "Most tokens to generate.", DefaultValueFactory = _ => 256 };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Bypass the response cache." };

    public RequestOptions()
    {
        Route.AcceptOnlyFromAmong("auto", "local", "proprietary");
        MaxTokens.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--max-tokens must be at least 1.");
            }
        });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Route, Private, Tenant, Model, MaxTokens, NoCache })
        {
            command.Options.Add(option);
        }
    }

    public ChatRequest Build(ParseResult parse, string prompt, bool dryRun = false) => new()
    {
        Messages = { new ChatMessage { Role = ChatRole.User, Text = prompt } },
        Options = new ChatOptions { Model = parse.GetValue(Model)!, MaxOutputTokens = parse.GetValue(MaxTokens) },
        Hints = new RoutingHints
        {
            TenantId = parse.GetValue(Tenant) ?? string.Empty,
            Privacy = parse.GetValue(Private) ? Privacy.Private : Privacy.Standard,
            PinnedRoute = parse.GetValue(Route) switch { "local" => Grpc.V1.Route.Local, "proprietary" => Grpc.V1.Route.Proprietary, _ => Grpc.V1.Route.Unspecified },
            BypassCache = parse.GetValue(NoCache),
            DryRun = dryRun,
        },
    };
}

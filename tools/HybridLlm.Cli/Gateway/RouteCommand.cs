using System.CommandLine;
using Grpc.Core;
using HybridLlm.Grpc.V1;
using Spectre.Console;

namespace HybridLlm.Cli.Gateway;

/// <summary><c>route "prompt" --explain</c>: the routing decision and its reasons, without calling a model.</summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        var gateway = new GatewayOptions();
        var request = new RequestOptions();
        var prompt = new Argument<string>("prompt") { Description = "The prompt to route." };
        var explain = new Option<bool>("--explain") { Description = "Print every reason, not just the route." };
        var command = new Command("route", "Show where the gateway would send a prompt (dry run: no model is called).") { prompt, explain };
        gateway.AddTo(command);
        request.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var channel = gateway.Channel(parse);
            try
            {
                var decision = await new ChatService.ChatServiceClient(channel)
                    .CompleteAsync(request.Build(parse, parse.GetValue(prompt)!, dryRun: true), gateway.Headers(parse), cancellationToken: ct);
                Console.Out.WriteLine(decision.Route.ToString().ToLowerInvariant());
                if (parse.GetValue(explain))
                {
                    foreach (var reason in decision.DecisionReasons)
                    {
                        AnsiConsole.Console.MarkupLineInterpolated($"  - {reason}");
                    }
                }

                return ExitCodes.Ok;
            }
            catch (RpcException ex)
            {
                return GatewayErrors.Report(ex);
            }
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using HybridLlm.Grpc.V1;
using Spectre.Console;

namespace HybridLlm.Cli.Gateway;

/// <summary><c>chat "prompt"</c>: streams the answer to stdout, then the route, model, tokens and cost to stderr.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var gateway = new GatewayOptions();
        var request = new RequestOptions();
        var prompt = new Argument<string>("prompt") { Description = "What to ask." };
        var command = new Command("chat", "Ask the gateway and stream the answer.") { prompt };
        gateway.AddTo(command);
        request.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var channel = gateway.Channel(parse);
            var client = new ChatService.ChatServiceClient(channel);
            try
            {
                using var call = client.CompleteStream(request.Build(parse, parse.GetValue(prompt)!), gateway.Headers(parse), cancellationToken: ct);
                ChatResponse? final = null;
                await foreach (var chunk in call.ResponseStream.ReadAllAsync(ct))
                {
                    if (chunk.KindCase == ChatStreamChunk.KindOneofCase.TextDelta)
                    {
                        Console.Out.Write(chunk.TextDelta);
                    }
                    else
                    {
                        final = chunk.Final;
                    }
                }

                Console.Out.WriteLine();
                if (final is not null)
                {
                    Describe(final);
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

    internal static void Describe(ChatResponse final)
    {
        var table = new Table().NoBorder().HideHeaders().AddColumn("k").AddColumn("v");
        table.AddRow("route", $"{final.Route}{(final.Degraded ? " (degraded)" : string.Empty)}{(final.CacheHit ? " (cache hit)" : string.Empty)}");
        table.AddRow("model", Markup.Escape(final.ModelId));
        table.AddRow("tokens", $"{final.Usage.InputTokens} in / {final.Usage.OutputTokens} out");
        table.AddRow("cost", "$" + final.CostUsd.ToString("0.000000", CultureInfo.InvariantCulture));
        table.AddRow("reasons", Markup.Escape(string.Join("; ", final.DecisionReasons)));
        ConsoleOutput.Stderr.Write(table);
    }
}

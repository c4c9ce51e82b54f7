using System.CommandLine;
using HybridLlm.Cli;
using HybridLlm.Cli.Classify;
using HybridLlm.Cli.Gateway;
using HybridLlm.Cli.Training;

var root = new RootCommand("hybridllm: talk to a running gateway (chat, route, report, bench), score prompts in-process (classify), train the router (train).")
{
    ChatCommand.Create(),
    RouteCommand.Create(),
    ReportCommand.Create(),
    BenchCommand.Create(),
    ClassifyCommand.Create(),
    TrainCommand.Create(),
    DistillCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    await Console.Error.WriteLineAsync("Run with --help for usage.");
    return ExitCodes.BadArgumentsOrIo;
}

return await parsed.InvokeAsync();

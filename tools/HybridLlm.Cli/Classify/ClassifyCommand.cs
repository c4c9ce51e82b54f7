using System.CommandLine;
using System.Globalization;
using HybridLlm.Classifier.Analysis;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HybridLlm.Cli.Classify;

/// <summary><c>classify --input in.jsonl --output out.jsonl</c>: batch scoring with the service's classifier code.</summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i") { Description = "JSONL input, one {\"id\", \"prompt\"} per line; '-' reads stdin.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "JSONL output, one result per readable input line, same order; '-' writes stdout.", Required = true };
        var weights = new Option<string>("--weights") { Description = "Router weights file.", DefaultValueFactory = _ => ClassifierFactory.DefaultWeightsPath };
        var batchSize = new Option<int>("--batch-size") { Description = "Prompts per embedding batch.", DefaultValueFactory = _ => 32 };
        var parallelism = new Option<int>("--parallelism") { Description = "Batches scored at once (one core each).", DefaultValueFactory = _ => Environment.ProcessorCount };
        batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1024) r.AddError("--batch-size must be 1..1024."); });
        parallelism.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--parallelism must be 1..256."); });

        var command = new Command("classify", "Score prompts: strong-model score, task, input tokens and PII spans per line.")
        {
            input, output, weights, batchSize, parallelism,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(weights)!, parse.GetValue(batchSize), parse.GetValue(parallelism), ct));
        return command;
    }

    internal static async Task<int> RunAsync(string inputPath, string outputPath, string weightsPath, int batchSize, int parallelism, CancellationToken cancellationToken)
    {
        var console = ConsoleOutput.Stderr;
        if (inputPath != "-" && !File.Exists(inputPath))
        {
            console.MarkupLineInterpolated($"[red]Input file not found:[/] {inputPath}");
            return ExitCodes.BadArgumentsOrIo;
        }

        var provider = ClassifierFactory.Create(weightsPath, Math.Min(batchSize, 64));
        PromptClassifier classifier;
        try
        {
            classifier = provider.GetRequiredService<PromptClassifier>();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
        {
            await provider.DisposeAsync();
            console.MarkupLineInterpolated($"[red]Cannot load the classifier:[/] {ex.Message}");
            return ExitCodes.BadArgumentsOrIo;
        }

        await using (provider)
        {
            try
            {
                using var reader = inputPath == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(inputPath);
                await using var writer = outputPath == "-" ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(outputPath, append: false);
                var summary = await new JsonlClassifier(classifier, batchSize, parallelism).RunAsync(reader, writer, Console.Error, cancellationToken);
                var rate = summary.Scored / Math.Max(summary.Elapsed.TotalSeconds, 1e-9);
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"Scored [green]{summary.Scored:N0}[/] prompts in {summary.Elapsed.TotalSeconds:0.0} s ({rate:0} prompts/s); [{(summary.Unreadable > 0 ? "yellow" : "green")}]{summary.Unreadable}[/] unreadable lines.");
                return summary.Unreadable > 0 ? ExitCodes.SomeLinesUnreadable : ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]I/O error:[/] {ex.Message}");
                return ExitCodes.BadArgumentsOrIo;
            }
        }
    }
}

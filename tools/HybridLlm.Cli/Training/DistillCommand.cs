using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HybridLlm.Classifier.Embeddings;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HybridLlm.Cli.Training;

/// <summary>
/// <c>distill --output static-embeddings.bin</c>: distils MiniLM into the static word-piece table the router reads
/// (<see cref="StaticEmbeddingDistiller"/>). Deterministic; about a minute on two cores.
/// </summary>
internal static class DistillCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "Table file to write (the classifier ships services/Classifier/Model/static-embeddings.bin).", Required = true };
        var dimensions = new Option<int>("--dimensions") { Description = "Principal components kept (1..384).", DefaultValueFactory = _ => 256 };
        var sif = new Option<double>("--sif") { Description = "Smooth-inverse-frequency constant; 0 turns frequency weighting off.", DefaultValueFactory = _ => 1e-4 };
        dimensions.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > MiniLmEmbeddingGenerator.Dimensions) r.AddError("--dimensions must be 1..384."); });
        sif.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 1 || double.IsNaN(r.GetValueOrDefault<double>())) r.AddError("--sif must be 0..1."); });

        var command = new Command("distill", "Distil MiniLM into the static word-piece embedding table the router reads.")
        {
            output, dimensions, sif,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(output)!, parse.GetValue(dimensions), parse.GetValue(sif), ct));
        return command;
    }

    private static async Task<int> RunAsync(string outputPath, int dimensions, double sif, CancellationToken cancellationToken)
    {
        var console = ConsoleOutput.Stderr;
        var clock = Stopwatch.StartNew();
        using var miniLm = new MiniLmEmbeddingGenerator(Options.Create(new MiniLmEmbeddingOptions { MaxBatchSize = 256 }));
        var progress = new Progress<int>(done =>
        {
            if (done % 8192 < 512)
            {
                console.MarkupLineInterpolated($"  {done:N0} / {StaticEmbeddingDistiller.VocabularySize:N0} word pieces");
            }
        });
        var table = StaticEmbeddingDistiller.Distill(miniLm, dimensions, sif, Environment.ProcessorCount, progress, cancellationToken);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(outputPath, table.ToBytes(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Could not write {outputPath}:[/] {ex.Message}");
            return ExitCodes.BadArgumentsOrIo;
        }

        console.MarkupLineInterpolated(
            $"Wrote {outputPath}: {table.Rows:N0} rows × {table.Dimensions} dimensions, sha256 {table.Sha256}, in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        return ExitCodes.Ok;
    }
}

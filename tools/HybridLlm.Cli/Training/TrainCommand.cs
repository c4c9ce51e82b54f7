using System.CommandLine;
using System.Globalization;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using Spectre.Console;

namespace HybridLlm.Cli.Training;

/// <summary><c>train --data prompts.jsonl --output router-weights.json</c>: the reproducible training command.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Labelled prompts (JSONL with id, prompt, task, needs_strong, difficulty, split).", Required = true };
        var output = new Option<string>("--output") { Description = "Weights file to write (the classifier ships services/Classifier/Model/router-weights.json).", Required = true };
        var calibration = new Option<string?>("--calibration-output") { Description = "Where to write the validation split's strong scores (default: calibration-scores.json beside --data)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the cross-validation folds.", DefaultValueFactory = _ => 17 };
        var epochs = new Option<int>("--epochs") { Description = "Full-batch optimisation steps per fit.", DefaultValueFactory = _ => 300 };
        var window = new Option<int?>("--window") { Description = "Embedding window in word pieces (8..512; default 512 with --static-table, 32 for the MiniLM transformer, whose cost grows with it)." };
        var table = new Option<string?>("--static-table") { Description = "Train on this distilled word-piece table (hybridllm distill) instead of the MiniLM transformer." };
        var augment = new Option<bool>("--augment-context") { Description = "Also train on a copy of each training prompt with another task's prompt appended, so pasted material does not decide the task." };
        var head = new Option<int>("--edge-window") { Description = "With --static-table: word pieces at each end of a prompt averaged on their own beside the whole window (0: none).", DefaultValueFactory = _ => 0 };
        head.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 512) r.AddError("--edge-window must be 0..512."); });
        epochs.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 100_000) r.AddError("--epochs must be 1..100000."); });
        window.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 8 or > 512) r.AddError("--window must be 8..512."); });

        var command = new Command("train", "Train the router (task + strong score) on the labelled prompts and write its weights.")
        {
            data, output, calibration, seed, epochs, window, table, head, augment,
        };
        command.SetAction((parse, ct) =>
        {
            var dataPath = parse.GetValue(data)!;
            var calibrationPath = parse.GetValue(calibration) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataPath))!, "calibration-scores.json");
            return RunAsync(new TrainingSettings(dataPath, parse.GetValue(output)!, calibrationPath, parse.GetValue(seed), parse.GetValue(epochs), parse.GetValue(window) ?? (parse.GetValue(table) is null ? 32 : 512)) { AugmentContext = parse.GetValue(augment) }, parse.GetValue(table), parse.GetValue(head), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(TrainingSettings settings, string? tablePath, int edgeTokens, CancellationToken cancellationToken)
    {
        var console = ConsoleOutput.Stderr;
        if (!File.Exists(settings.DataPath))
        {
            console.MarkupLineInterpolated($"[red]Data file not found:[/] {settings.DataPath}");
            return ExitCodes.BadArgumentsOrIo;
        }

        TrainingReport report;
        try
        {
            if (tablePath is not null)
            {
                settings = settings with { StaticTable = StaticEmbeddingTable.Load(tablePath), EdgeTokens = edgeTokens };
            }

            report = await new RouterTrainer(settings).TrainAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Training failed:[/] {ex.Message}");
            return ExitCodes.BadArgumentsOrIo;
        }

        Print(console, report, settings);
        return ExitCodes.Ok;
    }

    private static void Print(IAnsiConsole console, TrainingReport report, TrainingSettings settings)
    {
        static string F(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);
        var table = new Table().Title("Validation split, per task").AddColumns("task", "prompts", "task accuracy", "mean strong score");
        foreach (var (task, count, accuracy, meanScore) in report.PerTask)
        {
            table.AddRow(TaskKindNames.ToSnakeCase(task), count.ToString(CultureInfo.InvariantCulture), F(accuracy), F(meanScore));
        }

        console.Write(table);
        console.MarkupLine($"L2 by grouped 5-fold CV on train: task {F(report.TaskL2, "0.####")} (log loss {string.Join(", ", report.TaskSearch.Select(t => $"{F(t.L2, "0.####")}:{F(t.LogLoss)}"))})");
        console.MarkupLine($"                          strong {F(report.StrongL2, "0.####")} (log loss {string.Join(", ", report.StrongSearch.Select(t => $"{F(t.L2, "0.####")}:{F(t.LogLoss)}"))})");
        console.MarkupLine($"Examples: {report.TrainExamples} train, {report.ValidationExamples} validation; features {F(report.FeatureTime.TotalSeconds, "0.0")} s, fitting {F(report.FitTime.TotalSeconds, "0.0")} s");
        console.MarkupLine($"Train task accuracy:            {F(report.TrainTaskAccuracy)}");
        console.MarkupLine($"[bold]Validation task accuracy:       {F(report.ValidationTaskAccuracy)}[/] (keyword rules alone: {F(report.ValidationKeywordAccuracy)})");
        console.MarkupLine($"[bold]Validation strong-score ROC AUC: {F(report.ValidationStrongAuc)}[/] (accuracy at 0.5: {F(report.ValidationStrongAccuracy)})");
        console.MarkupLineInterpolated($"Wrote {settings.WeightsPath} and {settings.CalibrationPath}");
    }
}

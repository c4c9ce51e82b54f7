using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Features;
using HybridLlm.Classifier.Model;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.Cli.Training;

/// <summary>
/// Trains the router from the labelled prompts: builds inputs with the classifier's own
/// <see cref="RouterFeatureBuilder"/>, standardises on the training split, picks L2 strengths by cross-validation
/// on the training split, fits both heads, validates the result through <see cref="RouterModelLoader"/> (the
/// service's loader) and scores the validation split with it. Deterministic: same data and seed, same bytes.
/// </summary>
internal sealed class RouterTrainer(TrainingSettings settings)
{
    public async Task<TrainingReport> TrainAsync(CancellationToken cancellationToken)
    {
        var (loaded, dataSha) = PromptDataset.Load(settings.DataPath);
        var prompts = settings.AugmentContext ? ContextAugmentation.Augment(loaded, settings.Seed) : loaded;
        var labels = TaskKindNames.All;
        var featureClock = Stopwatch.StartNew();
        var inputs = await BuildInputsAsync(prompts, cancellationToken);
        featureClock.Stop();

        var train = Enumerable.Range(0, prompts.Count).Where(i => !prompts[i].IsValidation).ToArray();
        var validation = Enumerable.Range(0, prompts.Count).Where(i => prompts[i].IsValidation).ToArray();
        if (train.Length == 0 || validation.Length == 0)
        {
            throw new InvalidDataException($"{settings.DataPath}: both a train and a validation split are needed.");
        }

        var fitClock = Stopwatch.StartNew();
        var standardizer = Standardizer.Fit(train.Select(i => inputs[i].Vector).ToArray());
        var z = standardizer.Transform(train.Select(i => inputs[i].Vector).ToArray());
        var taskY = train.Select(i => IndexOf(labels, prompts[i].Task)).ToArray();
        var strongY = train.Select(i => prompts[i].NeedsStrong).ToArray();
        var groups = train.Select(i => prompts[i].Group).ToArray();

        var taskSearch = RegularizationSearch.ForTask(z, taskY, groups, labels.Count, settings.Epochs, settings.Seed, cancellationToken);
        var strongSearch = RegularizationSearch.ForStrong(z, strongY, groups, settings.Epochs, settings.Seed, cancellationToken);
        var taskModel = SoftmaxRegression.Fit(z, taskY, labels.Count, taskSearch.Best, settings.Epochs);
        var strongModel = LogisticRegression.Fit(z, strongY, strongSearch.Best, settings.Epochs);
        fitClock.Stop();

        var weights = new RouterWeights
        {
            Format = RouterWeights.CurrentFormat,
            Embedding = EmbeddingInfo(),
            Features = [.. InterpretableFeatures.Names],
            Mean = standardizer.Mean,
            Std = standardizer.Std,
            Task = new RouterTaskHead { Labels = labels.Select(TaskKindNames.ToSnakeCase).ToArray(), Weights = taskModel.Weights, Bias = taskModel.Bias },
            Strong = new RouterStrongHead { Weights = strongModel.Weights, Bias = strongModel.Bias },
        };

        // Score through the service's own loader and model, so the report and calibration are what the service will see.
        var model = RouterModelLoader.FromWeights(weights, settings.WeightsPath);
        var predictions = prompts.Select((_, i) => model.Predict(inputs[i].Vector)).ToArray();
        var scores = predictions.Select(p => Math.Round(p.StrongScore, 4)).ToArray();
        var report = Report(prompts, inputs, predictions, scores, train, validation, taskSearch, strongSearch, featureClock.Elapsed, fitClock.Elapsed);

        weights.Training = new RouterTrainingInfo
        {
            Data = Path.GetFileName(settings.DataPath),
            DataSha256 = dataSha,
            Seed = settings.Seed,
            TrainExamples = train.Length,
            ValidationExamples = validation.Length,
            TaskL2 = taskSearch.Best,
            StrongL2 = strongSearch.Best,
            ValidationTaskAccuracy = Math.Round(report.ValidationTaskAccuracy, 4),
            ValidationStrongAuc = Math.Round(report.ValidationStrongAuc, 4),
        };
        byte[] weightsBytes = [.. JsonSerializer.SerializeToUtf8Bytes(weights, RouterWeightsJsonContext.Default.RouterWeights), (byte)'\n'];
        await WriteAsync(settings.WeightsPath, weightsBytes, cancellationToken);

        var calibration = new CalibrationScores
        {
            Source = $"validation split of {Path.GetFileName(settings.DataPath)} (sha256 {dataSha[..12]})",
            WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(weightsBytes)),
            Count = validation.Length,
            NeedsStrong = validation.Count(i => prompts[i].NeedsStrong),
            Scores = validation.Select(i => scores[i]).Order().ToArray(),
        };
        await WriteAsync(settings.CalibrationPath, [.. JsonSerializer.SerializeToUtf8Bytes(calibration, CalibrationScoresJsonContext.Default.CalibrationScores), (byte)'\n'], cancellationToken);
        return report;
    }

    private RouterEmbeddingInfo EmbeddingInfo() => settings.StaticTable is { } table
        ? new RouterEmbeddingInfo
        {
            Model = StaticEmbeddingGenerator.ModelId,
            Dimensions = StaticEmbeddingGenerator.DimensionsFor(table.Dimensions, settings.EdgeTokens),
            MaxTokens = settings.WindowTokens,
            EdgeTokens = settings.EdgeTokens,
            TableSha256 = table.Sha256,
        }
        : new RouterEmbeddingInfo { Model = MiniLmEmbeddingGenerator.ModelId, Dimensions = MiniLmEmbeddingGenerator.Dimensions, MaxTokens = settings.WindowTokens };

    private IEmbeddingGenerator<string, Embedding<float>> CreateGenerator() => settings.StaticTable is { } table
        ? new StaticEmbeddingGenerator(table, settings.WindowTokens, settings.EdgeTokens)
        : new MiniLmEmbeddingGenerator(Options.Create(new MiniLmEmbeddingOptions { MaxTokens = settings.WindowTokens }));

    private async Task<RouterInput[]> BuildInputsAsync(IReadOnlyList<LabelledPrompt> prompts, CancellationToken cancellationToken)
    {
        using var generator = CreateGenerator();
        var builder = new RouterFeatureBuilder(generator, new TokenCounter(), new TaskCueDetector());
        var inputs = new RouterInput[prompts.Count];

        // Fixed chunks in file order: the same prompts always share a batch, so embeddings are reproducible.
        var chunks = Enumerable.Range(0, prompts.Count).Chunk(64).ToArray();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            var built = await builder.BuildAsync(chunk.Select(i => (IReadOnlyList<ClassifierMessage>)[new ClassifierMessage("user", prompts[i].Prompt)]).ToArray(), ct);
            for (var j = 0; j < chunk.Length; j++)
            {
                inputs[chunk[j]] = built[j];
            }
        });
        return inputs;
    }

    private static TrainingReport Report(
        IReadOnlyList<LabelledPrompt> prompts, RouterInput[] inputs, RouterPrediction[] predictions, double[] scores, int[] train, int[] validation,
        (double Best, IReadOnlyList<(double, double)> Table) taskSearch, (double Best, IReadOnlyList<(double, double)> Table) strongSearch,
        TimeSpan featureTime, TimeSpan fitTime)
    {
        double Accuracy(IEnumerable<int> rows, Func<int, bool> correct) => rows.DefaultIfEmpty().Average(i => correct(i) ? 1.0 : 0.0);
        var perTask = TaskKindNames.All.Select(task =>
        {
            var rows = validation.Where(i => prompts[i].Task == task).ToArray();
            return (task, rows.Length, Accuracy(rows, i => predictions[i].Task == task), rows.Select(i => scores[i]).DefaultIfEmpty().Average());
        }).ToArray();

        return new TrainingReport(
            train.Length,
            validation.Length,
            taskSearch.Best,
            strongSearch.Best,
            taskSearch.Table,
            strongSearch.Table,
            Accuracy(train, i => predictions[i].Task == prompts[i].Task),
            Accuracy(validation, i => predictions[i].Task == prompts[i].Task),
            Accuracy(validation, i => inputs[i].Cue.Kind == prompts[i].Task),
            Metrics.RocAuc(validation.Select(i => scores[i]).ToArray(), validation.Select(i => prompts[i].NeedsStrong).ToArray()),
            Accuracy(validation, i => scores[i] >= 0.5 == prompts[i].NeedsStrong),
            perTask,
            featureTime,
            fitTime);
    }

    private static int IndexOf(IReadOnlyList<TaskKind> labels, TaskKind task)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == task)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(task), task, "Not a classifier task.");
    }

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
    }
}

/// <summary>Inputs of a training run.</summary>
/// <param name="DataPath">The labelled prompts (JSONL).</param>
/// <param name="WeightsPath">Where the weights go (the service's <c>Model/router-weights.json</c>).</param>
/// <param name="CalibrationPath">Where the validation split's scores go.</param>
/// <param name="Seed">Seeds the cross-validation folds; nothing else is random.</param>
/// <param name="Epochs">Full-batch optimisation steps per fit.</param>
/// <param name="WindowTokens">Embedding window in word pieces, recorded in the weights.</param>
/// <param name="StaticTable">The distilled word-piece table to train on; null trains on the MiniLM transformer.</param>
/// <param name="AugmentContext">Add a copy of each training prompt with unrelated text appended (<see cref="ContextAugmentation"/>).</param>
/// <param name="EdgeTokens">Static encoder: word pieces at each end of a text averaged on their own beside the whole window (0: none).</param>
internal sealed record TrainingSettings(
    string DataPath, string WeightsPath, string CalibrationPath, int Seed, int Epochs, int WindowTokens,
    StaticEmbeddingTable? StaticTable = null, int EdgeTokens = 0, bool AugmentContext = false);

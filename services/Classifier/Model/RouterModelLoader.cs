using System.Text.Json;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Features;

namespace HybridLlm.Classifier.Model;

/// <summary>
/// Reads a weights file and checks it against this build before the router uses it: the format, the
/// interpretable feature list (names and order), every vector's length, the task labels and that all numbers are
/// finite. Any problem is an <see cref="InvalidDataException"/> naming the file and the field.
/// </summary>
internal static class RouterModelLoader
{
    public static RouterModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Router weights not found at '{Path.GetFullPath(path)}'. Train them with `hybridllm train` or set Classifier:WeightsPath.", path);
        }

        RouterWeights? weights;
        try
        {
            using var stream = File.OpenRead(path);
            weights = JsonSerializer.Deserialize(stream, RouterWeightsJsonContext.Default.RouterWeights);
        }
        catch (JsonException ex)
        {
            throw Invalid(path, $"not valid JSON ({ex.Message})");
        }

        return FromWeights(weights ?? throw Invalid(path, "the file is empty"), path);
    }

    /// <summary>Validates <paramref name="weights"/>; <paramref name="source"/> names it in errors.</summary>
    public static RouterModel FromWeights(RouterWeights weights, string source)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Format != RouterWeights.CurrentFormat)
        {
            throw Invalid(source, $"format is '{weights.Format}', this build reads '{RouterWeights.CurrentFormat}'");
        }

        var embedding = weights.Embedding ?? throw Invalid(source, "embedding is missing");
        if (string.IsNullOrWhiteSpace(embedding.Model) || embedding.Dimensions is < 1 or > 4096 || embedding.MaxTokens is < 8 or > 512)
        {
            throw Invalid(source, $"embedding must name a model with 1..4096 dimensions and a 8..512 token window (got '{embedding.Model}', {embedding.Dimensions}, {embedding.MaxTokens})");
        }

        var expected = InterpretableFeatures.Names;
        if (weights.Features is not { } features || !features.SequenceEqual(expected))
        {
            throw Invalid(source, $"features are [{string.Join(", ", weights.Features ?? [])}] but this build computes [{string.Join(", ", expected)}]; retrain the weights");
        }

        var inputs = embedding.Dimensions + features.Length;
        var mean = Vector(weights.Mean, inputs, "mean", source);
        var std = Vector(weights.Std, inputs, "std", source);
        if (Array.FindIndex(std, s => s <= 0) is var bad and >= 0)
        {
            throw Invalid(source, $"std[{bad}] is {std[bad]}; every standard deviation must be positive");
        }

        var task = weights.Task ?? throw Invalid(source, "task is missing");
        var labels = task.Labels ?? throw Invalid(source, "task.labels is missing");
        var kinds = new TaskKind[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!TaskKindNames.TryParse(labels[i], out kinds[i]))
            {
                throw Invalid(source, $"task.labels[{i}] '{labels[i]}' is not a task name");
            }
        }

        if (kinds.Distinct().Count() != TaskKindNames.All.Count || kinds.Length != TaskKindNames.All.Count)
        {
            throw Invalid(source, $"task.labels must name each of the {TaskKindNames.All.Count} tasks once (got {labels.Length}: {string.Join(", ", labels)})");
        }

        var rows = task.Weights is { } w && w.Length == labels.Length
            ? w.Select((row, i) => Vector(row, inputs, $"task.weights[{i}]", source)).ToArray()
            : throw Invalid(source, $"task.weights must have {labels.Length} rows (one per label), got {task.Weights?.Length ?? 0}");
        var bias = Vector(task.Bias, labels.Length, "task.bias", source);

        var strong = weights.Strong ?? throw Invalid(source, "strong is missing");
        var strongWeights = Vector(strong.Weights, inputs, "strong.weights", source);
        if (!float.IsFinite(strong.Bias))
        {
            throw Invalid(source, "strong.bias is not a finite number");
        }

        var model = new RouterModel(embedding.Model, embedding.Dimensions, embedding.MaxTokens, mean, std, kinds, rows, bias, strongWeights, strong.Bias, weights.Training)
        {
            EmbeddingTableSha256 = embedding.TableSha256,
            EmbeddingEdgeTokens = embedding.EdgeTokens,
        };
        if (embedding.EdgeTokens < 0 || embedding.EdgeTokens > embedding.MaxTokens || (embedding.EdgeTokens > 0 && !model.UsesStaticEmbeddings))
        {
            throw Invalid(source, $"embedding.edge_tokens is {embedding.EdgeTokens}; it must be 0..max_tokens, and 0 unless the encoder is static");
        }

        if (model.UsesStaticEmbeddings && (embedding.TableSha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigitLower)))
        {
            throw Invalid(source, "embedding.table_sha256 must be the 64-hex-digit SHA-256 of the static table the weights were trained on");
        }

        return model;
    }

    private static float[] Vector(float[]? values, int length, string field, string source)
    {
        if (values is null || values.Length != length)
        {
            throw Invalid(source, $"{field} has {values?.Length ?? 0} values, expected {length}");
        }

        if (Array.FindIndex(values, v => !float.IsFinite(v)) is var bad and >= 0)
        {
            throw Invalid(source, $"{field}[{bad}] is not a finite number");
        }

        return values;
    }

    private static InvalidDataException Invalid(string source, string problem) => new($"Router weights '{source}' are invalid: {problem}.");
}

using System.Text.Json;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Model;
using HybridLlm.Cli.Training;

namespace HybridLlm.Cli.Tests;

public sealed class TrainingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hybridllm-train-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A tiny labelled set: two prompts per task in train, one in validation.</summary>
    private string WriteTinyDataset()
    {
        var lines = new List<string>();
        foreach (var task in TaskKindNames.All)
        {
            var name = TaskKindNames.ToSnakeCase(task);
            for (var i = 0; i < 3; i++)
            {
                lines.Add(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["id"] = $"{name}-{i}",
                    ["prompt"] = $"A {name.Replace('_', ' ')} request, variant {i}: {(task is TaskKind.Math or TaskKind.MultiStepReasoning ? "prove and derive step by step" : "keep it simple")}",
                    ["task"] = name,
                    ["needs_strong"] = task is TaskKind.Math or TaskKind.MultiStepReasoning ? 1 : 0,
                    ["difficulty"] = "easy",
                    ["split"] = i == 2 ? "validation" : "train",
                    ["group"] = $"{name}/g{i}",
                }));
            }
        }

        var path = Path.Combine(_directory, "prompts.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Train_SameDataTwice_WritesIdenticalWeightsThatTheServiceLoaderAccepts()
    {
        var data = WriteTinyDataset();
        TrainingSettings Settings(string suffix) => new(data, Path.Combine(_directory, $"w{suffix}.json"), Path.Combine(_directory, $"c{suffix}.json"), Seed: 3, Epochs: 15, WindowTokens: 32);

        var report = await new RouterTrainer(Settings("1")).TrainAsync(CancellationToken.None);
        await new RouterTrainer(Settings("2")).TrainAsync(CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(Settings("1").WeightsPath), File.ReadAllBytes(Settings("2").WeightsPath));
        Assert.Equal(File.ReadAllBytes(Settings("1").CalibrationPath), File.ReadAllBytes(Settings("2").CalibrationPath));
        var model = RouterModelLoader.Load(Settings("1").WeightsPath);
        Assert.Equal(32, model.EmbeddingMaxTokens);
        Assert.Equal(24, report.TrainExamples);
        Assert.Equal(12, report.ValidationExamples);
        Assert.InRange(report.ValidationStrongAuc, 0, 1);
    }

    [Fact]
    public async Task Train_OnTheStaticTableWithEdges_RecordsTheTableAndTheServiceLoaderAcceptsIt()
    {
        var data = WriteTinyDataset();
        var table = StaticEmbeddingTable.Load(Path.Combine(AppContext.BaseDirectory, "Model/static-embeddings.bin"));
        var settings = new TrainingSettings(data, Path.Combine(_directory, "w.json"), Path.Combine(_directory, "c.json"), Seed: 3, Epochs: 15, WindowTokens: 512)
        {
            StaticTable = table,
            EdgeTokens = 16,
            AugmentContext = true,
        };

        var report = await new RouterTrainer(settings).TrainAsync(CancellationToken.None);

        var model = RouterModelLoader.Load(settings.WeightsPath);
        Assert.Equal(StaticEmbeddingGenerator.ModelId, model.EmbeddingModel);
        Assert.Equal(table.Sha256, model.EmbeddingTableSha256);
        Assert.Equal(16, model.EmbeddingEdgeTokens);
        Assert.Equal(3 * table.Dimensions, model.EmbeddingDimensions);
        Assert.Equal(48, report.TrainExamples); // 24 prompts and one pasted-context copy of each
        Assert.Equal(12, report.ValidationExamples);
    }

    [Fact]
    public void ContextAugmentation_CopiesOnlyTrainingPrompts_KeepingLabelsAndAppendingAnotherTasksPrompt()
    {
        var prompts = new[]
        {
            new LabelledPrompt("a", "Summarise this.", TaskKind.Summarisation, false, "easy", false, "g1"),
            new LabelledPrompt("b", "Write a poem.", TaskKind.CreativeWriting, false, "easy", false, "g2"),
            new LabelledPrompt("c", "Prove it.", TaskKind.Math, true, "hard", false, "g3"),
            new LabelledPrompt("v", "Held out.", TaskKind.Code, true, "hard", true, "g4"),
        };

        var augmented = ContextAugmentation.Augment(prompts, seed: 1);

        Assert.Equal(7, augmented.Count);
        Assert.Equal(prompts, augmented.Take(4));
        Assert.DoesNotContain(augmented.Skip(4), p => p.IsValidation || p.Prompt.Contains("Held out.", StringComparison.Ordinal));
        Assert.All(augmented.Skip(4), copy =>
        {
            var original = prompts.Single(p => copy.Id == $"{p.Id}+context");
            Assert.StartsWith(original.Prompt + "\n\n", copy.Prompt, StringComparison.Ordinal);
            Assert.Equal((original.Task, original.NeedsStrong, original.Group), (copy.Task, copy.NeedsStrong, copy.Group));
            var filler = copy.Prompt[(original.Prompt.Length + 2)..];
            Assert.NotEqual(original.Task, prompts.Single(p => p.Prompt == filler).Task);
        });
        Assert.Equal(augmented, ContextAugmentation.Augment(prompts, seed: 1));
    }

    [Fact]
    public async Task Train_WritesSortedCalibrationScoresOfTheValidationSplit()
    {
        var data = WriteTinyDataset();
        var settings = new TrainingSettings(data, Path.Combine(_directory, "w.json"), Path.Combine(_directory, "c.json"), 3, 15, 32);

        await new RouterTrainer(settings).TrainAsync(CancellationToken.None);

        using var calibration = JsonDocument.Parse(File.ReadAllText(settings.CalibrationPath));
        var root = calibration.RootElement;
        var scores = root.GetProperty("scores").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal("hybridllm-calibration/1", root.GetProperty("format").GetString());
        Assert.Equal(12, scores.Length);
        Assert.Equal(scores.Order(), scores);
        Assert.Equal(2, root.GetProperty("needs_strong").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(settings.WeightsPath))), root.GetProperty("weights_sha256").GetString());
    }

    [Fact]
    public async Task Train_BadLabel_FailsNamingTheLine()
    {
        var data = Path.Combine(_directory, "bad.jsonl");
        await File.WriteAllTextAsync(data, """{"id":"1","prompt":"x","task":"poetry","needs_strong":0,"difficulty":"easy","split":"train"}""");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new RouterTrainer(new TrainingSettings(data, Path.Combine(_directory, "w.json"), Path.Combine(_directory, "c.json"), 1, 1, 32)).TrainAsync(CancellationToken.None));

        Assert.Contains("bad.jsonl:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'poetry'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RocAuc_OrdersAndTies_AreScoredAsTheRankStatistic()
    {
        Assert.Equal(1.0, Metrics.RocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, Metrics.RocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
        Assert.Equal(0.5, Metrics.RocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true]));
        Assert.Equal(0.75, Metrics.RocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]));
        Assert.True(double.IsNaN(Metrics.RocAuc([0.1, 0.2], [true, true])));
    }
}

using System.Text.Json.Nodes;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Features;
using HybridLlm.Classifier.Model;

namespace HybridLlm.Classifier.Tests;

public sealed class RouterModelLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("router-weights-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_ShippedWeights_MatchThisBuild()
    {
        var model = RouterModelLoader.Load(RepositoryFiles.ShippedWeights);

        var table = StaticEmbeddingTable.Load(RepositoryFiles.ShippedStaticTable);
        Assert.Equal(StaticEmbeddingGenerator.ModelId, model.EmbeddingModel);
        Assert.Equal(table.Sha256, model.EmbeddingTableSha256);
        Assert.Equal(StaticEmbeddingGenerator.DimensionsFor(table.Dimensions, model.EmbeddingEdgeTokens), model.EmbeddingDimensions);
        Assert.Equal(model.EmbeddingDimensions + InterpretableFeatures.Count, model.InputDimensions);
        Assert.InRange(model.EmbeddingMaxTokens, 8, 512);
        Assert.NotNull(model.Training);
        Assert.True(model.Training.ValidationExamples >= 200);
    }

    [Fact]
    public void Load_ShippedWeights_AreTheOnesTheRepositoryKeeps()
    {
        var copied = File.ReadAllBytes(RepositoryFiles.ShippedWeights);
        var source = File.ReadAllBytes(Path.Combine(RepositoryFiles.Root, "services/Classifier/Model/router-weights.json"));

        Assert.Equal(source, copied);
    }

    [Fact]
    public void Predict_WrongInputLength_IsRejected()
    {
        var model = RouterModelLoader.Load(RepositoryFiles.ShippedWeights);

        var ex = Assert.Throws<ArgumentException>(() => model.Predict(new float[10]));

        Assert.Contains($"reads {model.InputDimensions} inputs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        var path = Path.Combine(_directory, "absent.json");

        var ex = Assert.Throws<FileNotFoundException>(() => RouterModelLoader.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_IsInvalidData()
    {
        var path = Write("{ not json");

        var ex = Assert.Throws<InvalidDataException>(() => RouterModelLoader.Load(path));

        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<JsonObject>, string> Spoilers => new()
    {
        { "format", w => w["format"] = "hybridllm-router/0", "format is 'hybridllm-router/0'" },
        { "feature renamed", w => w["features"]![0] = "tokens", "but this build computes" },
        { "feature dropped", w => w["features"]!.AsArray().RemoveAt(3), "retrain the weights" },
        { "mean short", w => w["mean"]!.AsArray().RemoveAt(0), "mean has " },
        { "std zero", w => w["std"]![5] = 0, "std[5] is 0" },
        { "task row short", w => w["task"]!["weights"]![3]!.AsArray().RemoveAt(0), "task.weights[3] has " },
        { "task row missing", w => w["task"]!["weights"]!.AsArray().RemoveAt(11), "task.weights must have 12 rows" },
        { "unknown label", w => w["task"]!["labels"]![2] = "poetry", "task.labels[2] 'poetry' is not a task name" },
        { "duplicate label", w => w["task"]!["labels"]![2] = "code", "must name each of the 12 tasks once" },
        { "strong short", w => w["strong"]!["weights"]!.AsArray().RemoveAt(0), "strong.weights has " },
        { "no embedding", w => w.Remove("embedding"), "embedding is missing" },
        { "window too big", w => w["embedding"]!["max_tokens"] = 4096, "8..512 token window" },
    };

    [Theory]
    [MemberData(nameof(Spoilers))]
    public void Load_SpoiledWeights_FailWithAMessageNamingTheProblem(string name, Action<JsonObject> spoil, string expected)
    {
        var weights = JsonNode.Parse(File.ReadAllText(RepositoryFiles.ShippedWeights))!.AsObject();
        spoil(weights);
        var path = Write(weights.ToJsonString());

        var ex = Assert.Throws<InvalidDataException>(() => RouterModelLoader.Load(path));

        Assert.True(ex.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {ex.Message}");
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_CoverEveryTask()
    {
        var weights = JsonNode.Parse(File.ReadAllText(RepositoryFiles.ShippedWeights))!;
        var labels = weights["task"]!["labels"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(TaskKindNames.All.Select(TaskKindNames.ToSnakeCase).Order(), labels.Order());
    }

    private string Write(string content)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, content);
        return path;
    }
}

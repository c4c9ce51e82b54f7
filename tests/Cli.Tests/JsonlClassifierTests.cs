using System.Text.Json;
using HybridLlm.Cli.Classify;

namespace HybridLlm.Cli.Tests;

public sealed class JsonlClassifierTests(ClassifierProviderFixture fixture) : IClassFixture<ClassifierProviderFixture>
{
    private async Task<(ClassifyRunSummary Summary, string[] Output, string[] Errors)> RunAsync(string input, int batchSize = 2, int parallelism = 2)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var summary = await new JsonlClassifier(fixture.Classifier, batchSize, parallelism)
            .RunAsync(new StringReader(input), output, errors, CancellationToken.None);
        return (summary, Lines(output), Lines(errors));
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Run_BadLines_AreReportedWithTheirLineNumbers_AndTheRestAreScoredInOrder()
    {
        var input = string.Join('\n',
            """{"id": "a", "prompt": "Classify the sentiment: 'great phone'"}""",
            """{"id": "b", "prompt": "unterminated""",
            """{"id": "c", "prompt": "Prove that the square root of 2 is irrational."}""",
            """{"id": "d", "text": "secret-words-here"}""",
            "",
            """["not", "an", "object"]""",
            """{"id": 42, "prompt": "hi"}""",
            """{"id": "e", "prompt": 7}""",
            """{"id": "f", "prompt": "Write a Python function that reverses a string."}""");

        var (summary, output, errors) = await RunAsync(input);

        Assert.Equal(["a", "c", "42", "f"], output.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Equal(4, summary.Scored);
        Assert.Equal(4, summary.Unreadable);
        Assert.Equal(9, summary.Lines);
        Assert.Collection(errors,
            e => Assert.StartsWith("line 2: not valid JSON", e, StringComparison.Ordinal),
            e => Assert.StartsWith("line 4: \"prompt\" must be a string", e, StringComparison.Ordinal),
            e => Assert.StartsWith("line 6: expected a JSON object, found array", e, StringComparison.Ordinal),
            e => Assert.StartsWith("line 8: \"prompt\" must be a string", e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("secret-words-here", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_OutputLine_HasTheDocumentedFieldsAndPiiSpans()
    {
        const string Prompt = "Extract the sender from: mail me at jane.doe@example.com";
        var (_, output, errors) = await RunAsync(JsonSerializer.Serialize(new { id = "x1", prompt = Prompt }));

        Assert.Empty(errors);
        var line = JsonDocument.Parse(Assert.Single(output)).RootElement;
        Assert.Equal(["id", "strong_score", "task", "input_tokens", "pii"], line.EnumerateObject().Select(p => p.Name));
        Assert.InRange(line.GetProperty("strong_score").GetDouble(), 0, 1);
        Assert.Matches("^[a-z_]+$", line.GetProperty("task").GetString());
        Assert.True(line.GetProperty("input_tokens").GetInt32() > 5);
        var pii = Assert.Single(line.GetProperty("pii").EnumerateArray().ToArray());
        Assert.Equal("email", pii.GetProperty("kind").GetString());
        Assert.Equal("jane.doe@example.com", Prompt.Substring(pii.GetProperty("start").GetInt32(), pii.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task Run_ManyLines_KeepInputOrderAcrossBatchesAndWorkers()
    {
        var prompts = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? $"hi {i}" : $"Please summarise this note number {i}: " + string.Concat(Enumerable.Repeat("words ", i)));
        var input = string.Join('\n', prompts.Select((p, i) => JsonSerializer.Serialize(new { id = $"p{i}", prompt = p })));

        var (summary, output, _) = await RunAsync(input, batchSize: 3, parallelism: 4);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"p{i}"), output.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Equal(0, summary.Unreadable);
    }

    [Fact]
    public async Task Run_SameInputTwice_GivesIdenticalOutput()
    {
        var input = string.Join('\n', Enumerable.Range(0, 6).Select(i => JsonSerializer.Serialize(new { id = i.ToString(), prompt = $"Solve {i}x + 3 = 12 and check it." })));

        var first = await RunAsync(input, batchSize: 4, parallelism: 2);
        var second = await RunAsync(input, batchSize: 1, parallelism: 1);

        Assert.Equal(first.Output.Length, second.Output.Length);
        for (var i = 0; i < first.Output.Length; i++)
        {
            var a = JsonDocument.Parse(first.Output[i]).RootElement;
            var b = JsonDocument.Parse(second.Output[i]).RootElement;
            Assert.Equal(a.GetProperty("task").GetString(), b.GetProperty("task").GetString());
            Assert.Equal(a.GetProperty("strong_score").GetDouble(), b.GetProperty("strong_score").GetDouble(), 3);
        }
    }
}

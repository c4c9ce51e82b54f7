using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Features;

namespace HybridLlm.Classifier.Tests;

public sealed class InterpretableFeaturesTests
{
    private static Dictionary<string, float> Compute(string text, int tokens = 10, TaskKind cue = TaskKind.Chat)
    {
        var raw = new float[InterpretableFeatures.Count];
        InterpretableFeatures.Compute(text, tokens, cue, raw);
        return InterpretableFeatures.Names.Select((n, i) => (n, raw[i])).ToDictionary(t => t.n, t => t.Item2);
    }

    [Fact]
    public void Names_AreUniqueSnakeCase_WithOneCuePerTask()
    {
        Assert.Equal(InterpretableFeatures.Names.Count, InterpretableFeatures.Names.Distinct().Count());
        Assert.All(InterpretableFeatures.Names, n => Assert.Matches("^[a-z_]+$", n));
        Assert.Equal(TaskKindNames.All.Count, InterpretableFeatures.Names.Count(n => n.StartsWith("cue_", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compute_MathPrompt_CountsNumbersEquationsAndTerms()
    {
        var f = Compute("Solve 3x + 7 = 22, then find the derivative of x^2 and the probability of two sixes.", cue: TaskKind.Math);

        Assert.True(f["numbers"] >= 3);
        Assert.True(f["equation_marks"] >= 2);
        Assert.True(f["math_terms"] >= 2);
        Assert.Equal(1, f["cue_math"]);
        Assert.Equal(0, f["cue_chat"]);
    }

    [Fact]
    public void Compute_CodePrompt_CountsCodeMarkers()
    {
        var f = Compute("Fix this Python function:\n```python\ndef last(items):\n    return items[len(items)]\n```");

        Assert.True(f["code_markers"] >= 4);
        Assert.Equal(0, f["math_terms"]);
    }

    [Fact]
    public void Compute_DemandingPrompt_CountsQuestionsConstraintsStepsListsAndFormat()
    {
        var f = Compute(
            "First compare the options, then justify your choice. Why? How much? Answer in exactly 50 words as JSON, " +
            "and never mention prices.\n- option A\n- option B\n1. keep it short");

        Assert.Equal(2, f["questions"]);
        Assert.True(f["constraint_cues"] >= 2);
        Assert.True(f["multi_step_cues"] >= 3);
        Assert.Equal(3, f["list_items"]);
        Assert.True(f["format_cues"] >= 2);
    }

    [Fact]
    public void Compute_ReferencedText_CountsReferenceCues() =>
        Assert.True(Compute("Based on the passage below, when did the war end?\n\nText: The war ended in 1648.")["reference_cues"] >= 3);

    [Fact]
    public void ToModelValue_LogsCountsButKeepsIndicators()
    {
        var cueIndex = InterpretableFeatures.Names.ToList().IndexOf("cue_math");

        Assert.Equal(MathF.Log(8), InterpretableFeatures.ToModelValue(0, 7), 5);
        Assert.Equal(1, InterpretableFeatures.ToModelValue(cueIndex, 1));
        Assert.True(InterpretableFeatures.IsIndicator(cueIndex));
        Assert.False(InterpretableFeatures.IsIndicator(0));
    }

    [Fact]
    public void Compute_WrongDestinationLength_Throws() =>
        Assert.Throws<ArgumentException>(() => InterpretableFeatures.Compute("x", 1, TaskKind.Chat, new float[3]));

    [Theory]
    [InlineData(TaskKind.MultiStepReasoning, "multi_step_reasoning")]
    [InlineData(TaskKind.ClosedQa, "closed_qa")]
    [InlineData(TaskKind.Code, "code")]
    public void TaskKindNames_RoundTrip(TaskKind kind, string name)
    {
        Assert.Equal(name, TaskKindNames.ToSnakeCase(kind));
        Assert.True(TaskKindNames.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.False(TaskKindNames.TryParse("unspecified", out _));
    }
}

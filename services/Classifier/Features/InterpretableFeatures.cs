using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Features;

/// <summary>
/// The named, human-readable features the router reads next to the embedding. Counts enter the model as
/// <c>log(1 + count)</c> (the tenth question matters less than the second); the <c>cue_*</c> features are a one-hot
/// of the keyword rules' guess (<see cref="TaskCueDetector"/>). The order is part of the weights file's contract:
/// the loader refuses weights whose feature list differs from <see cref="Names"/>.
/// </summary>
internal static class InterpretableFeatures
{
    /// <summary>Features before this index are counts (log-transformed); the rest are 0/1 cue indicators.</summary>
    private const int CountFeatures = 12;

    private static readonly TaskKind[] CueKinds = Enum.GetValues<TaskKind>().Where(k => k != TaskKind.Unspecified).ToArray();

    /// <summary>Feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "input_tokens", "lines", "questions", "constraint_cues", "numbers", "equation_marks", "math_terms",
        "code_markers", "multi_step_cues", "list_items", "format_cues", "reference_cues",
        .. CueKinds.Select(k => "cue_" + TaskKindNames.ToSnakeCase(k)),
    ];

    /// <summary>Number of features.</summary>
    public static int Count => Names.Count;

    /// <summary>Whether feature <paramref name="index"/> is a 0/1 cue indicator rather than a count.</summary>
    public static bool IsIndicator(int index) => index >= CountFeatures;

    /// <summary>
    /// Writes the raw values (counts and 0/1 indicators, as the reasons show them) into <paramref name="raw"/>.
    /// </summary>
    /// <param name="instructions">The user and system text of the conversation (what asks for work).</param>
    /// <param name="inputTokens">o200k_base tokens of the whole conversation.</param>
    /// <param name="cue">What the keyword rules guessed.</param>
    /// <param name="raw">Destination of <see cref="Count"/> values.</param>
    public static void Compute(string instructions, int inputTokens, TaskKind cue, Span<float> raw)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        if (raw.Length != Count)
        {
            throw new ArgumentException($"Expected room for {Count} features, got {raw.Length}.", nameof(raw));
        }

        raw[0] = inputTokens;
        raw[1] = FeatureCounters.Lines(instructions);
        raw[2] = FeatureCounters.Questions(instructions);
        raw[3] = FeatureCounters.Constraints(instructions);
        raw[4] = FeatureCounters.Numbers(instructions);
        raw[5] = FeatureCounters.EquationMarks(instructions);
        raw[6] = FeatureCounters.MathTerms(instructions);
        raw[7] = FeatureCounters.CodeMarkers(instructions);
        raw[8] = FeatureCounters.MultiStepCues(instructions);
        raw[9] = FeatureCounters.ListItems(instructions);
        raw[10] = FeatureCounters.FormatCues(instructions);
        raw[11] = FeatureCounters.ReferenceCues(instructions);
        for (var i = 0; i < CueKinds.Length; i++)
        {
            raw[CountFeatures + i] = CueKinds[i] == cue ? 1f : 0f;
        }
    }

    /// <summary>The value the model reads for a raw value: <c>log(1 + count)</c> for counts, the indicator as is.</summary>
    public static float ToModelValue(int index, float raw) => IsIndicator(index) ? raw : MathF.Log(1 + Math.Max(0, raw));
}

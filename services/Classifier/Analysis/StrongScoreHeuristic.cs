using System.Globalization;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// The first, transparent strong-model score: a base by task kind, plus steps for input length and for
/// extra questions and constraints, clamped to [0, 1]. Every term that contributes writes a reason.
/// The maximum of the terms sums to 1, so the clamp only guards future edits.
/// </summary>
internal static class StrongScoreHeuristic
{
    /// <summary>Length steps, longest first: tokens above the threshold add the bonus.</summary>
    private static readonly (int Tokens, double Bonus)[] LengthSteps = [(16_000, 0.30), (4_000, 0.20), (1_000, 0.10)];

    private const double BonusPerExtraQuestion = 0.05;
    private const double MaxQuestionBonus = 0.15;
    private const double BonusPerConstraint = 0.03;
    private const double MaxConstraintBonus = 0.15;

    public static double Score(TaskDetection task, int inputTokens, int questions, int constraints, ICollection<string> reasons)
    {
        var taskBase = BaseFor(task.Kind);
        reasons.Add(Invariant($"task={SnakeCase(task.Kind.ToString())} (+{taskBase:0.00}) cue={task.Cue}"));
        var score = taskBase;

        foreach (var (threshold, bonus) in LengthSteps)
        {
            if (inputTokens > threshold)
            {
                reasons.Add(Invariant($"input_tokens={inputTokens} > {threshold} (+{bonus:0.00})"));
                score += bonus;
                break;
            }
        }

        // The first question is the request itself; only further ones make the prompt harder.
        var questionBonus = Math.Min(MaxQuestionBonus, Math.Max(0, questions - 1) * BonusPerExtraQuestion);
        if (questionBonus > 0)
        {
            reasons.Add(Invariant($"questions={questions} (+{questionBonus:0.00})"));
            score += questionBonus;
        }

        var constraintBonus = Math.Min(MaxConstraintBonus, constraints * BonusPerConstraint);
        if (constraintBonus > 0)
        {
            reasons.Add(Invariant($"constraints={constraints} (+{constraintBonus:0.00})"));
            score += constraintBonus;
        }

        return Math.Round(Math.Clamp(score, 0, 1), 4);
    }

    internal static double BaseFor(TaskKind kind) => kind switch
    {
        TaskKind.MultiStepReasoning => 0.40,
        TaskKind.Math or TaskKind.Code => 0.35,
        TaskKind.CreativeWriting or TaskKind.OpenQa => 0.20,
        TaskKind.Brainstorming => 0.15,
        TaskKind.ClosedQa or TaskKind.Rewrite or TaskKind.Chat => 0.10,
        _ => 0.05, // Classification, Extraction, Summarisation: small models do these well.
    };

    /// <summary><c>MultiStepReasoning</c> → <c>multi_step_reasoning</c>, matching the proto enum style.</summary>
    internal static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using HybridLlm.Classifier.Features;
using HybridLlm.Classifier.Model;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Writes the classifier's reasons: the task and its probability, the strong score with its largest terms, and
/// which kinds of PII were found. Only names and numbers go in, never prompt text.
/// </summary>
internal static class RouterReasons
{
    /// <summary>How many interpretable features a strong-score reason names (largest |term| first).</summary>
    private const int TopFeatures = 3;

    /// <summary>Terms smaller than this (in logit units) are not worth a reader's attention.</summary>
    private const double NegligibleTerm = 0.05;

    public static IReadOnlyList<string> Describe(RouterPrediction prediction, double score, RouterInput input, IReadOnlyList<PiiFinding> pii)
    {
        var reasons = new List<string>(3)
        {
            Invariant($"task={TaskKindNames.ToSnakeCase(prediction.Task)} p={prediction.TaskProbability:0.00} (next {TaskKindNames.ToSnakeCase(prediction.RunnerUp)} p={prediction.RunnerUpProbability:0.00})"),
        };

        var terms = prediction.FeatureContributions
            .Select((contribution, index) => (contribution, index))
            .Where(t => Math.Abs(t.contribution) >= NegligibleTerm)
            .OrderByDescending(t => Math.Abs(t.contribution))
            .ThenBy(t => t.index)
            .Take(TopFeatures)
            .Select(t => Invariant($"{InterpretableFeatures.Names[t.index]}={input.RawFeatures[t.index]:0} {t.contribution:+0.00;-0.00}"));
        reasons.Add(Invariant($"strong_score={score:0.00} from the learned router: semantic {prediction.EmbeddingContribution:+0.00;-0.00}")
            + string.Concat(terms.Select(t => ", " + t)));

        if (pii.Count > 0)
        {
            var kinds = pii.Select(f => f.Kind).Distinct().Order().Select(k => TaskKindNames.SnakeCase(k.ToString()));
            reasons.Add($"pii={string.Join(',', kinds)} ({pii.Count} findings)");
        }

        return reasons;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>Counts of the instruction features that make a prompt harder: questions and constraints.</summary>
internal static partial class PromptFeatures
{
    /// <summary>Question marks that end a clause (so <c>string?</c> and <c>a ? b : c</c> in code mostly do not count).</summary>
    public static int CountQuestions(string text) => QuestionMark.Count(text);

    /// <summary>Wording that constrains the answer: must, never, at most, exactly, only, …</summary>
    public static int CountConstraints(string text) => ConstraintCue.Count(text);

    [GeneratedRegex(@"(?<=\w[)""']?)\?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionMark { get; }

    [GeneratedRegex(
        @"\b(?:must(?: not)?|should(?: not)?|do not|don't|never|always|at least|at most|no more than|no fewer than|exactly|only|without|ensure|make sure|limit(?:ed)? to|within \d+)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConstraintCue { get; }
}

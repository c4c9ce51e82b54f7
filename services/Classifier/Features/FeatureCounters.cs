using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Features;

/// <summary>
/// Counts of surface cues that make a prompt harder or tell its task apart: questions, constraints, numbers,
/// equations, code, multi-step wording, list items, output-format demands and references to supplied text.
/// They feed the learned router next to the sentence embedding, and they are what its reasons cite.
/// </summary>
internal static partial class FeatureCounters
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Question marks that end a clause (so <c>string?</c> and <c>a ? b : c</c> in code mostly do not count).</summary>
    public static int Questions(string text) => QuestionMark.Count(text);

    /// <summary>Wording that constrains the answer: must, never, at most, exactly, only, …</summary>
    public static int Constraints(string text) => ConstraintCue.Count(text);

    /// <summary>Numeric literals.</summary>
    public static int Numbers(string text) => Number.Count(text);

    /// <summary>Operators between numbers or variables, relations, and mathematical notation.</summary>
    public static int EquationMarks(string text) => EquationMark.Count(text);

    /// <summary>Mathematical vocabulary: integral, probability, prime, theorem, …</summary>
    public static int MathTerms(string text) => MathTerm.Count(text);

    /// <summary>Code fences, inline code, call syntax, statement endings and programming vocabulary.</summary>
    public static int CodeMarkers(string text) => CodeMarker.Count(text);

    /// <summary>Wording that asks for a chain of steps: first/then, plan, compare, justify, trade-offs, …</summary>
    public static int MultiStepCues(string text) => MultiStepCue.Count(text);

    /// <summary>Lines that start a bullet or a numbered item.</summary>
    public static int ListItems(string text) => ListItem.Count(text);

    /// <summary>Demands on the output's shape: JSON, table, schema, word counts, fields, …</summary>
    public static int FormatCues(string text) => FormatCue.Count(text);

    /// <summary>References to text supplied with the prompt: "based on", "the passage", "below", "Text:", …</summary>
    public static int ReferenceCues(string text) => ReferenceCue.Count(text);

    /// <summary>Non-empty lines.</summary>
    public static int Lines(string text) => NonEmptyLine.Count(text);

    [GeneratedRegex(@"(?<=\w[)""']?)\?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionMark { get; }

    [GeneratedRegex(
        @"\b(?:must(?: not)?|should(?: not)?|do not|don't|never|always|at least|at most|no more than|no fewer than|exactly|only|without|ensure|make sure|limit(?:ed)? to|within \d+)\b",
        Options)]
    private static partial Regex ConstraintCue { get; }

    [GeneratedRegex(@"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Number { get; }

    [GeneratedRegex(
        @"\d\s*[-+*/×÷^]\s*\(?-?\d|[=≤≥≠<>]\s*-?\d|\b\d*[a-z]\s*\^\s*\d|\b\d+[a-z]\b(?=\s*[-+=])|[√∑∫π∞∂]|\b[fg]\([a-z]\)|\b(?:sin|cos|tan|log|ln|lim|mod|sqrt)\b",
        Options)]
    private static partial Regex EquationMark { get; }

    [GeneratedRegex(
        @"\b(?:integra(?:l|te)|derivative|differentiate|probabilit(?:y|ies)|primes?|theorem|prove|proof|lemma|matri(?:x|ces)|eigen\w*|polynomials?|modulo|divisible|factorial|permutations?|combinations?|expected value|variance|standard deviation|geometric|arithmetic|sequence|series|converge\w*|inequalit(?:y|ies)|equations?|logarithms?|exponent\w*|fractions?|ratios?|percent(?:age)?|interest rate|compound interest|area|volume|radius|triangle|angle|circle|average|median)\b",
        Options)]
    private static partial Regex MathTerm { get; }

    [GeneratedRegex(
        @"```|`[^`\n]+`|\w+\([^)\n]*\)|[{};]\s*$|=>|->|::|\b(?:def|return|import|void|async|await|const|func|fn|struct|lambda|null|nullptr|println|printf|stdout|regex|sql|api|endpoint|function|method|class|compiler?|runtime|exception|stack ?trace|traceback|unit tests?|refactor|debug|bug|python|javascript|typescript|java|c#|c\+\+|golang|rust|ruby|php|kotlin|swift|bash|powershell|docker|kubernetes|git)(?![\w#+])",
        Options | RegexOptions.Multiline)]
    private static partial Regex CodeMarker { get; }

    [GeneratedRegex(
        @"\bstep[- ]by[- ]step\b|\bfirst\b|\bthen\b|\bnext\b|\bafter that\b|\bfinally\b|\bplan\w*\b|\btrade-?offs?\b|\bpros and cons\b|\bcompar\w+|\bjustify\b|\bexplain why\b|\bderive\b|\bdesign\b|\bevaluat\w+|\bwhat if\b|\bassum\w+|\bestimat\w+|\bschedul\w+|\boptimi[sz]\w+|\bprioriti[sz]\w+|\bconstraints?\b|\bdepend\w*|\bworst case\b|\bedge cases?\b|\bwhich (?:one|option)\b",
        Options)]
    private static partial Regex MultiStepCue { get; }

    [GeneratedRegex(@"^\s*(?:[-*•]|\d+[.)])\s+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ListItem { get; }

    [GeneratedRegex(
        @"\b(?:json|yaml|csv|xml|tables?|schema|markdown|bullet(?: points?)?|headings?|format(?:ted)?|fields?|keys?|columns?|word limit|word count)\b|\b\d+\s+(?:words?|sentences?|paragraphs?|bullets?|lines?|items?|characters?)\b",
        Options)]
    private static partial Regex FormatCue { get; }

    [GeneratedRegex(
        @"\b(?:based on|according to|(?:the|this) (?:following|text|passage|article|document|paragraph|email|review|transcript|message|excerpt|report|snippet|thread|notes?|conversation|context|policy|contract|log|table))\b|\b(?:below|above)\b|^\s*(?:text|context|passage|article|email|review|input|document|notes?|transcript)\s*:",
        Options | RegexOptions.Multiline)]
    private static partial Regex ReferenceCue { get; }

    [GeneratedRegex(@"^.*\S.*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NonEmptyLine { get; }
}

using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>One keyword rule: if <see cref="Pattern"/> matches, the prompt is a <see cref="Kind"/> task.</summary>
internal sealed record TaskCue(TaskKind Kind, string Label, Regex Pattern);

/// <summary>
/// The cue rules, in priority order: the first rule that matches decides. Code and math come first because
/// their payload often contains other cue words ("calculate" inside a function to write); the
/// explicit-verb tasks come before the broad reasoning cues ("summarise the plan" is a summary).
/// </summary>
internal static partial class TaskCues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string Languages =
        @"(?:python|c#|c\+\+|java|javascript|typescript|golang|rust|ruby|php|kotlin|swift|scala|haskell|sql|bash|powershell)(?![\w#+])";

    public static IReadOnlyList<TaskCue> Ordered { get; } =
    [
        new(TaskKind.Code, "code-fence", CodeFence),
        new(TaskKind.Code, "write-code", WriteCode),
        new(TaskKind.Code, "language", Language),
        new(TaskKind.Code, "code-terms", CodeTerms),
        new(TaskKind.Math, "solve", SolveVerb),
        new(TaskKind.Math, "math-terms", MathTerms),
        new(TaskKind.Math, "operators", Operators),
        new(TaskKind.Summarisation, "summarize", Summarize),
        new(TaskKind.Classification, "classify", Classify),
        new(TaskKind.Extraction, "extract", Extract),
        new(TaskKind.Rewrite, "rewrite", Rewrite),
        new(TaskKind.Brainstorming, "brainstorm", Brainstorm),
        new(TaskKind.CreativeWriting, "creative", Creative),
        new(TaskKind.MultiStepReasoning, "step-by-step", StepByStep),
        new(TaskKind.MultiStepReasoning, "prove", Prove),
        new(TaskKind.MultiStepReasoning, "first-then", FirstThen),
        new(TaskKind.MultiStepReasoning, "plan", Plan),
    ];

    [GeneratedRegex("```")]
    private static partial Regex CodeFence { get; }

    [GeneratedRegex(
        @"\b(?:write|implement|create|generate|fix|debug|refactor|optimi[sz]e|port)\b[^.?!\n]{0,40}\b(?:function|method|class|script|program|code|regex|unit tests?|endpoint)\b",
        Options)]
    private static partial Regex WriteCode { get; }

    [GeneratedRegex(@"\b(?:in|to|into|using|write(?:\s+(?:a|an|some|the))?)\s+" + Languages, Options)]
    private static partial Regex Language { get; }

    [GeneratedRegex(
        @"\b(?:stack ?trace|traceback|compiler? error|syntax error|segfault|null ?reference exception)\b|\bdef\s+\w+\s*\(|\bfunction\s*\w*\s*\(|#include\b|\bconsole\.log\b",
        Options)]
    private static partial Regex CodeTerms { get; }

    [GeneratedRegex(@"\b(?:solve|calculate|compute|simplify|differentiate|factori[sz]e)\b", Options)]
    private static partial Regex SolveVerb { get; }

    [GeneratedRegex(
        @"\b(?:equations?|integral|derivative|probability|square root|polynomial|arithmetic|percentage of)\b",
        Options)]
    private static partial Regex MathTerms { get; }

    // Digits joined by an operator; '-' and '/' need spaces so dates and phone numbers do not count.
    [GeneratedRegex(
        @"\d\s*[+*×÷^]\s*\d|\d\s+[-/]\s+\d|\d\s*=\s*\d|\b\d*[xyz]\s*(?:\^\s*\d|[+=-]\s*\d)",
        Options)]
    private static partial Regex Operators { get; }

    [GeneratedRegex(@"\b(?:summari[sz]e|summari[sz]ation|summary|tl;?dr|condense|key points|recap)\b", Options)]
    private static partial Regex Summarize { get; }

    [GeneratedRegex(@"\b(?:classify|classification|categori[sz]e|sentiment|label|is this (?:spam|positive|negative|toxic))\b", Options)]
    private static partial Regex Classify { get; }

    [GeneratedRegex(
        @"\b(?:extract|pull out)\b|\b(?:list|find) (?:all|every|each)\b[^.?!\n]{0,80}\b(?:from|in)\b|\bidentify (?:all|every)\b",
        Options)]
    private static partial Regex Extract { get; }

    [GeneratedRegex(
        @"\b(?:rewrite|re-write|rephrase|paraphrase|reword|translate|proofread|fix (?:the |my )?grammar|make (?:this|it) (?:more )?(?:formal|informal|concise|shorter|polite|professional))\b",
        Options)]
    private static partial Regex Rewrite { get; }

    [GeneratedRegex(@"\b(?:brainstorm\w*|ideas? for|come up with|give me \d+ (?:ideas|names|ways))\b", Options)]
    private static partial Regex Brainstorm { get; }

    [GeneratedRegex(@"\b(?:story|stories|poem|poetry|haiku|limerick|sonnet|lyrics|song|fairy tale|fiction|screenplay)\b", Options)]
    private static partial Regex Creative { get; }

    [GeneratedRegex(@"\bstep[- ]by[- ]step\b|\breason through\b|\bthink through\b|\btrade-?offs?\b|\bpros and cons\b", Options)]
    private static partial Regex StepByStep { get; }

    [GeneratedRegex(@"\b(?:prove|proof)\b", Options)]
    private static partial Regex Prove { get; }

    [GeneratedRegex(@"\bfirst\b[\s\S]{1,300}?\bthen\b", Options)]
    private static partial Regex FirstThen { get; }

    [GeneratedRegex(@"\b(?:plan|roadmap|strategy)\b", Options)]
    private static partial Regex Plan { get; }
}

using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Guesses the task from keyword cues: an ordered list of regex rules (<see cref="TaskCues"/>) where the
/// first match wins. The learned router does not trust the guess; it reads it as one of its interpretable
/// features (<c>cue_*</c>) next to the MiniLM embedding. Stateless and thread-safe.
/// </summary>
public sealed partial class TaskCueDetector
{
    /// <summary>Past this many characters a question is assumed to come with its own reference text.</summary>
    private const int ClosedQaContextChars = 600;

    /// <summary>
    /// Detects the task of a conversation. The latest user message decides; when it carries no specific
    /// cue, the system messages may (a system prompt such as "Summarise what the user pastes").
    /// Questions become <see cref="TaskKind.ClosedQa"/> when reference text is supplied, else
    /// <see cref="TaskKind.OpenQa"/>; everything else is <see cref="TaskKind.Chat"/>.
    /// </summary>
    public TaskDetection Detect(IReadOnlyList<ClassifierMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var focus = messages.LastOrDefault(m => IsRole(m, "user") && !string.IsNullOrWhiteSpace(m.Text))
            ?? messages.LastOrDefault(m => !string.IsNullOrWhiteSpace(m.Text));
        if (focus is null)
        {
            return new TaskDetection(TaskKind.Chat, "empty");
        }

        if (MatchCue(focus.Text) is { } cue)
        {
            return cue;
        }

        var system = messages.Where(m => IsRole(m, "system")).Select(m => m.Text).ToArray();
        foreach (var text in system)
        {
            if (MatchCue(text) is { } systemCue)
            {
                return systemCue with { Cue = "system:" + systemCue.Cue };
            }
        }

        if (QuestionPattern.IsMatch(focus.Text))
        {
            var hasReference = focus.Text.Length > ClosedQaContextChars
                || ReferencePattern.IsMatch(focus.Text)
                || system.Any(ReferencePattern.IsMatch);
            return hasReference
                ? new TaskDetection(TaskKind.ClosedQa, "question+reference")
                : new TaskDetection(TaskKind.OpenQa, "question");
        }

        return new TaskDetection(TaskKind.Chat, "no-cue");
    }

    /// <summary>Detects the task of a single user prompt.</summary>
    public TaskDetection Detect(string text) => Detect([new ClassifierMessage("user", text)]);

    private static TaskDetection? MatchCue(string text)
    {
        foreach (var cue in TaskCues.Ordered)
        {
            if (cue.Pattern.IsMatch(text))
            {
                return new TaskDetection(cue.Kind, cue.Label);
            }
        }

        return null;
    }

    private static bool IsRole(ClassifierMessage message, string role) =>
        string.Equals(message.Role, role, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(
        @"\?|^\s*(?:what|who|whom|whose|when|where|why|how|which|is|are|was|were|can|could|does|do|did|should|would|will)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex QuestionPattern { get; }

    [GeneratedRegex(
        @"\b(?:based on|according to|context:|(?:in|from) the (?:text|passage|article|document|context|paragraph|email|above|following)|given (?:the|this) (?:text|passage|context|document))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern { get; }
}

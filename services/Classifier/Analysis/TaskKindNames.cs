namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// The snake_case names of <see cref="TaskKind"/> (<c>multi_step_reasoning</c>), as the proto enum, the training
/// data, the weights file and the command line spell them.
/// </summary>
public static class TaskKindNames
{
    private static readonly Dictionary<string, TaskKind> ByName = Enum.GetValues<TaskKind>()
        .Where(k => k != TaskKind.Unspecified)
        .ToDictionary(ToSnakeCase, k => k, StringComparer.Ordinal);

    /// <summary>Every classifier task in enum order, <see cref="TaskKind.Unspecified"/> excluded.</summary>
    public static IReadOnlyList<TaskKind> All { get; } = [.. ByName.Values.Order()];

    /// <summary><c>MultiStepReasoning</c> → <c>multi_step_reasoning</c>.</summary>
    public static string ToSnakeCase(TaskKind kind) => SnakeCase(kind.ToString());

    /// <summary>Parses a snake_case task name; false for anything else (including <c>unspecified</c>).</summary>
    public static bool TryParse(string? name, out TaskKind kind) => ByName.TryGetValue(name ?? "", out kind);

    /// <summary><c>PaymentCard</c> → <c>payment_card</c>.</summary>
    public static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

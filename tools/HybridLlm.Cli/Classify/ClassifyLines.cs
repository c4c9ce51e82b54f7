using System.Text.Json.Serialization;

namespace HybridLlm.Cli.Classify;

/// <summary>One output line of <c>classify</c>.</summary>
internal sealed record ClassifiedLine(
    string Id,
    double StrongScore,
    string Task,
    int InputTokens,
    IReadOnlyList<ClassifiedPii> Pii);

/// <summary>Where one piece of PII sits in the prompt (UTF-16 offsets); never its value.</summary>
internal sealed record ClassifiedPii(string Kind, int Start, int Length);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ClassifiedLine))]
internal sealed partial class ClassifyJsonContext : JsonSerializerContext;

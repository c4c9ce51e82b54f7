namespace HybridLlm.Bench.LocalInference;

/// <summary>The prompts every run sends, in the same order on both sides, so both generate the same tokens.</summary>
internal static class Prompts
{
    private static readonly string[] Starts =
    [
        "Once upon a time", "Lily had a red ball", "The dog ran to the park", "Tom was sad",
        "One day, a little bird", "The sun was hot", "Mom made a cake", "Ben saw a big tree",
    ];

    public const float Temperature = 0.9f;

    public static string Text(int index) => Starts[index % Starts.Length];

    public static uint Seed(int index) => (uint)(1000 + index);

    /// <summary>What the service's plain template renders for a single user message (stories260K has no chat template).</summary>
    public static string Rendered(int index) => $"User: {Text(index)}\nAssistant:";
}

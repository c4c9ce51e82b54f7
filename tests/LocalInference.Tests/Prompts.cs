using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Tests;

internal static class Prompts
{
    public static readonly string[] StoryStarts =
    [
        "Once upon a time", "Lily had a red ball", "The dog ran to the park", "Tom was sad",
        "One day, a little bird", "The sun was hot", "Mom made a cake", "Ben saw a big tree",
        "There was a small fish", "Sue liked to sing", "The cat was very happy", "A boy found a box",
        "It was a rainy day", "The girl wanted a toy", "Max and Mia went out", "The old man smiled",
    ];

    public static ChatMessage[] User(string text) => [new(ChatRole.User, text)];

    public static ChatOptions Seeded(long seed, int maxOutputTokens = 48) => new()
    {
        Seed = seed,
        Temperature = 0.9f,
        MaxOutputTokens = maxOutputTokens,
    };
}

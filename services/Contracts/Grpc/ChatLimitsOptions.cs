using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Contracts.Grpc;

/// <summary>Input limits a ChatService host enforces before any model work (config section <c>ChatLimits</c>).</summary>
public sealed class ChatLimitsOptions
{
    public const string SectionName = "ChatLimits";

    /// <summary>Most messages one request may carry.</summary>
    [Range(1, 100_000)]
    public int MaxMessages { get; set; } = 1_000;

    /// <summary>Most characters (UTF-16 code units) over all message texts: the prompt size cap.</summary>
    [Range(1, 50_000_000)]
    public int MaxPromptChars { get; set; } = 400_000;

    /// <summary>Largest <c>max_output_tokens</c> a caller may ask for.</summary>
    [Range(1, 1_000_000)]
    public int MaxOutputTokens { get; set; } = 16_384;

    /// <summary>Most stop sequences per request.</summary>
    [Range(0, 64)]
    public int MaxStopSequences { get; set; } = 16;
}

[OptionsValidator]
public sealed partial class ChatLimitsOptionsValidator : IValidateOptions<ChatLimitsOptions>;

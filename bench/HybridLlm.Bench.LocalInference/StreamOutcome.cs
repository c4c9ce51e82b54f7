namespace HybridLlm.Bench.LocalInference;

/// <summary>One streamed request as the caller saw it.</summary>
/// <param name="Shed">Refused with ResourceExhausted.</param>
/// <param name="Tokens">Output tokens the answer reported.</param>
/// <param name="FirstTokenMs">From sending the request to the first text, in milliseconds.</param>
/// <param name="RetryAfterMs">The refusal's retry hint, in milliseconds.</param>
internal sealed record StreamOutcome(bool Shed, long Tokens, double FirstTokenMs, double? RetryAfterMs);

using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Features;

/// <summary>One conversation as the router reads it.</summary>
/// <param name="Vector">The embedding followed by the model values of the interpretable features.</param>
/// <param name="RawFeatures">The interpretable features as counts and 0/1 indicators (what reasons show).</param>
/// <param name="InputTokens">o200k_base tokens of the whole conversation.</param>
/// <param name="Cue">The keyword rules' guess, one of the features.</param>
internal sealed record RouterInput(float[] Vector, float[] RawFeatures, int InputTokens, TaskDetection Cue);

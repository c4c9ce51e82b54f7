namespace HybridLlm.LocalInference.ModelFiles;

/// <summary>A model file on local disk and the SHA-256 (lowercase hex) it was found to have.</summary>
/// <param name="Path">Full path of the GGUF file.</param>
/// <param name="Sha256">Digest of the file's bytes, computed (and checked against any pin) before loading.</param>
internal sealed record ModelFile(string Path, string Sha256);

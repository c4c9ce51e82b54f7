namespace HybridLlm.LocalInference.Serving;

/// <summary>
/// Produces the service's backend once, at start: download, verify and load a GGUF file, or connect to an upstream.
/// <see cref="Hosting.ModelWarmup"/> calls it; anything it throws stops the service.
/// </summary>
internal interface IModelBackendLoader
{
    Task<ModelBackend> LoadAsync(CancellationToken cancellationToken);
}

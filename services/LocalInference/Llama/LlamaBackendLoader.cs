using HybridLlm.LocalInference.ModelFiles;
using HybridLlm.LocalInference.Serving;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Llama;

/// <summary>The <c>LlamaSharp</c> backend: acquires and verifies the GGUF file, loads it, starts the inference loop.</summary>
internal sealed class LlamaBackendLoader(
    ModelFileAcquirer acquirer,
    IOptions<LlamaOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IModelBackendLoader
{
    public async Task<ModelBackend> LoadAsync(CancellationToken cancellationToken)
    {
        var file = await acquirer.AcquireAsync(cancellationToken).ConfigureAwait(false);

        // Loading is synchronous native work (seconds for a large model); keep it off the caller's thread.
        var model = await Task.Run(() => new LlamaModel(file, options.Value, loggerFactory), cancellationToken).ConfigureAwait(false);
        try
        {
            var client = new LlamaChatClient(model, options, timeProvider, loggerFactory.CreateLogger<LlamaChatClient>());
            return new ModelBackend(client, model.Name, model.Digest, resources: model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}

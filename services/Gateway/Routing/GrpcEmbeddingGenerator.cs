using HybridLlm.Grpc.V1;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Routing;

/// <summary>Sentence embeddings from the Classifier service (MiniLM), as a Microsoft.Extensions.AI embedding generator.</summary>
internal sealed class GrpcEmbeddingGenerator(Classifier.ClassifierClient client) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("hybridllm-classifier", null, "all-MiniLM-L6-v2", 384);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = new EmbedRequest();
        request.Texts.AddRange(values);
        var response = await client.EmbedAsync(request, cancellationToken: cancellationToken);
        return [.. response.Embeddings.Select(e => new Embedding<float>(e.Values.ToArray()))];
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}

using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Tests;

/// <summary>
/// The real stories260K GGUF (shared/models beside the repository), loaded once per test class.
/// Clients are cheap (one llama.cpp context each), so tests build their own with the options they need.
/// </summary>
public sealed class StoriesModel : IDisposable
{
    public const string Digest = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";

    public StoriesModel() =>
        Model = new LlamaModel(Options.Create(new LlamaOptions { Model = Path }), NullLoggerFactory.Instance);

    public static string Path { get; } = Locate();

    internal LlamaModel Model { get; }

    internal LlamaChatClient CreateClient(
        int maxConcurrentSequences = 4, int maxOutputTokens = 512, TimeProvider? timeProvider = null) =>
        new(
            Model,
            Options.Create(new LlamaOptions
            {
                Model = Path,
                MaxConcurrentSequences = maxConcurrentSequences,
                MaxOutputTokens = maxOutputTokens,
            }),
            timeProvider ?? TimeProvider.System,
            NullLogger<LlamaChatClient>.Instance);

    public void Dispose() => Model.Dispose();

    private static string Locate()
    {
        const string relative = "shared/models/stories260K.gguf";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"No directory above {AppContext.BaseDirectory} contains {relative}; put shared/ beside the repository.");
    }
}

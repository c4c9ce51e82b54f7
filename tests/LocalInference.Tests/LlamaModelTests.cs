using System.Text;
using HybridLlm.LocalInference.Llama;
using LLama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Tests;

public sealed class LlamaModelTests(StoriesModel stories) : IClassFixture<StoriesModel>
{
    [Fact]
    public void Load_Stories260K_DigestIsSha256OfTheFile()
    {
        Assert.Equal(StoriesModel.Digest, stories.Model.Digest);
    }

    [Fact]
    public void Load_Stories260K_NameComesFromMetadataAndContextFromModel()
    {
        Assert.False(string.IsNullOrWhiteSpace(stories.Model.Name));
        Assert.Equal(2048, stories.Model.ContextSize);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.gguf");

        var error = Assert.Throws<FileNotFoundException>(() =>
            new LlamaModel(Options.Create(new LlamaOptions { Model = path }), NullLoggerFactory.Instance));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatPrompt_ModelWithoutChatTemplate_UsesPlainTranscript()
    {
        Assert.False(stories.Model.HasChatTemplate);

        var prompt = stories.Model.FormatPrompt(
        [
            new ChatMessage(ChatRole.System, "Be kind."),
            new ChatMessage(ChatRole.User, "Tell a story."),
        ]);

        Assert.Equal("System: Be kind.\nUser: Tell a story.\nAssistant:", prompt);
    }

    [Fact]
    public void Tokenize_Prompt_StartsWithExactlyOneBos()
    {
        var bos = stories.Model.Weights.Vocab.BOS;

        var tokens = stories.Model.Tokenize("User: hi\nAssistant:");

        Assert.NotNull(bos);
        Assert.Equal(bos, tokens[0]);
        Assert.NotEqual(bos, tokens[1]);
    }

    [Fact]
    public void StreamingDecoder_EmojiSplitOverByteTokens_ComesOutWhole()
    {
        // The engine streams each token's text through StreamingTokenDecoder; stories260K spells an emoji as
        // four byte tokens, none of which is valid UTF-8 on its own.
        var tokens = stories.Model.Weights.Tokenize("café 😀", add_bos: false, special: false, Encoding.UTF8);
        var decoder = new StreamingTokenDecoder(Encoding.UTF8, stories.Model.Weights);

        var pieces = tokens.Select(token =>
        {
            decoder.Add(token);
            return decoder.Read();
        }).ToList();

        Assert.True(tokens.Length > "café 😀".Length, "expected byte-fallback tokens");
        Assert.Equal(" café 😀", string.Concat(pieces));
        Assert.DoesNotContain(pieces, piece => piece.Contains('\uFFFD', StringComparison.Ordinal));
    }
}

using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.PromptCaching;

/// <summary>
/// On an Anthropic deployment, marks a long system prompt cacheable (<c>cache_control: ephemeral</c> on its last block,
/// which caches everything up to and including it) when <c>Proprietary:PromptCaching:CacheSystemPrompts</c> is on.
/// Marks a caller already set (<see cref="AIContentCacheExtensions.WithCacheControl{T}(T, Ttl?)"/>) pass through to
/// the SDK untouched; the caller's messages are never modified (a marked copy is sent).
/// </summary>
internal sealed class AnthropicPromptCachingChatClient(IChatClient innerClient, PromptCachingOptions options) : DelegatingChatClient(innerClient)
{
    // The key the Anthropic SDK's WithCacheControl stores its mark under (its reader is internal).
    private const string CacheControlKey = "anthropic:cache_control";

    // Anthropic accepts at most four cache breakpoints per request.
    private const int MaxBreakpoints = 4;

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Mark(messages), options, cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Mark(messages), options, cancellationToken);

    private IEnumerable<ChatMessage> Mark(IEnumerable<ChatMessage> messages)
    {
        if (!options.CacheSystemPrompts)
        {
            return messages;
        }

        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var lastSystem = -1;
        var systemChars = 0L;
        var breakpoints = 0;
        for (var i = 0; i < list.Count; i++)
        {
            breakpoints += list[i].Contents.Count(IsMarked);
            if (list[i].Role == ChatRole.System)
            {
                systemChars += list[i].Text.Length;
                lastSystem = i;
            }
        }

        if (lastSystem < 0 || systemChars < options.MinSystemPromptChars || breakpoints >= MaxBreakpoints
            || list.Where(m => m.Role == ChatRole.System).SelectMany(m => m.Contents).Any(IsMarked)
            || list[lastSystem].Contents.LastOrDefault() is not TextContent last)
        {
            return list;
        }

        // A raw TextBlockParam would make the SDK ignore the mark, so the copy carries only the text and its properties.
        var marked = list[lastSystem].Clone();
        var copy = new TextContent(last.Text) { AdditionalProperties = last.AdditionalProperties?.Clone() };
        marked.Contents = [.. list[lastSystem].Contents.Take(list[lastSystem].Contents.Count - 1), copy.WithCacheControl(Ttl())];
        return [.. list.Take(lastSystem), marked, .. list.Skip(lastSystem + 1)];
    }

    private Ttl Ttl() => options.Ttl >= TimeSpan.FromHours(1) ? Anthropic.Models.Messages.Ttl.Ttl1h : Anthropic.Models.Messages.Ttl.Ttl5m;

    private static bool IsMarked(AIContent content) => content.AdditionalProperties?.ContainsKey(CacheControlKey) == true;
}

using System.Runtime.CompilerServices;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Serving;

/// <summary>
/// Puts the provider client behind the HybridLlm contract: resolves the requested model alias (unknown → InvalidArgument)
/// and turns provider failures into the statuses callers act on (rate limited by the vendor or by our own limiter →
/// ResourceExhausted with a retry hint, vendor down or circuit open → Unavailable, not configured → FailedPrecondition).
/// Each resolved model is reported to the <see cref="ModelRetirementMonitor"/>, which warns ahead of a retirement date.
/// </summary>
internal sealed class ContractChatClient(
    IChatClient innerClient, IOptionsMonitor<ModelAliasOptions> aliases, ModelRetirementMonitor retirements) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, ResolveModel(options), cancellationToken);
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, ResolveModel(options), cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (Translate(ex) is { } translated)
            {
                throw translated;
            }

            yield return updates.Current;
        }
    }

    private ChatOptions? ResolveModel(ChatOptions? options)
    {
        if (options?.ModelId is not { Length: > 0 } requested || string.Equals(requested, "auto", StringComparison.OrdinalIgnoreCase))
        {
            if (options is not null)
            {
                options = options.Clone();
                options.ModelId = null;
            }

            retirements.NoteUse(model: null);
            return options;
        }

        var map = aliases.CurrentValue.Aliases;
        if (!map.TryGetValue(requested, out var vendorModel))
        {
            var known = string.Join(", ", new[] { "auto" }.Concat(map.Keys.Order(StringComparer.Ordinal)));
            throw new ChatServiceException(StatusCode.InvalidArgument, $"options.model: unknown model '{requested}'; known models: {known}.");
        }

        retirements.NoteUse(vendorModel);
        var resolved = options.Clone();
        resolved.ModelId = vendorModel;
        return resolved;
    }

    private static ChatServiceException? Translate(Exception exception) => exception switch
    {
        RateLimitExceededException limited => new(StatusCode.ResourceExhausted, limited.Message, limited.RetryAfter, limited),
        ProviderNotConfiguredException notConfigured => new(StatusCode.FailedPrecondition, notConfigured.Message, inner: notConfigured),
        UpstreamProviderException upstream => upstream.Kind switch
        {
            UpstreamFailureKind.RateLimited => new(StatusCode.ResourceExhausted, upstream.Message, upstream.RetryAfter, upstream),
            UpstreamFailureKind.Rejected => new(StatusCode.FailedPrecondition, upstream.Message, inner: upstream),
            UpstreamFailureKind.Timeout => new(StatusCode.DeadlineExceeded, upstream.Message, inner: upstream),
            _ => new(StatusCode.Unavailable, upstream.Message, upstream.RetryAfter, upstream),
        },
        _ => null,
    };
}

using System.Runtime.CompilerServices;
using Grpc.Core;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Errors;
using HybridLlm.Gateway.Costing;
using HybridLlm.Gateway.Validation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ClassifyResponse = HybridLlm.Grpc.V1.ClassifyResponse;

namespace HybridLlm.Gateway.Routing;

/// <summary>
/// The innermost gateway client: classifies the request (gRPC), applies <see cref="RoutingPolicy"/>, holds the tenant's
/// API budget, invokes the chosen backend under its deadlines, fails over to the other route before any output reached
/// the caller, validates JSON-schema answers (retry, then escalate unless private) and stamps route and reasons.
/// </summary>
/// <remarks>
/// Not <c>RoutingChatClient</c>: its selection cannot flow back onto the response (the context's options are a clone),
/// and the decision, failover and validation outcome must travel with every answer and into the cache.
/// </remarks>
public sealed partial class HybridRouterChatClient(
    IRouteClassifier classifier,
    RoutingPolicy policy,
    RouteInvoker invoker,
    JsonSchemaAnswerValidator schemaValidator,
    ILogger<HybridRouterChatClient> logger) : IChatClient
{
    /// <summary>What the gen_ai span reports as the provider: the hybrid router itself; the served model is per answer.</summary>
    private static readonly ChatClientMetadata Metadata = new("hybridllm", providerUri: null, defaultModelId: RoutingRequest.AutoAlias);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var decision = await DecideAsync(history, options, cancellationToken);
        var trail = new RouteTrail(decision);
        if (ChatMetadata.GetBool(options?.AdditionalProperties, ChatMetadata.DryRun))
        {
            // The decision alone: no model call, no cost.
            var explained = new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Empty)) { AdditionalProperties = [] };
            trail.Note("dry run: no model called");
            trail.Stamp(explained.AdditionalProperties);
            return explained;
        }

        var response = await InvokeWithFailoverAsync(history, options, trail, cancellationToken);
        if (ChatMetadata.GetString(options?.AdditionalProperties, ChatMetadata.JsonSchema) is { Length: > 0 } schema
            && ChatMetadata.GetString(response.AdditionalProperties, ChatMetadata.DeferredJobId) is not { Length: > 0 })
        {
            response = await ValidateAsync(history, options, trail, schema, response, cancellationToken);
        }

        trail.Stamp(response.AdditionalProperties ??= []);
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (ChatMetadata.GetString(options?.AdditionalProperties, ChatMetadata.JsonSchema) is { Length: > 0 }
            || ChatMetadata.GetBool(options?.AdditionalProperties, ChatMetadata.DryRun))
        {
            // A structured answer must be validated before anyone sees it, so it is produced whole and then streamed.
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }

            yield break;
        }

        var history = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var decision = await DecideAsync(history, options, cancellationToken);
        var trail = new RouteTrail(decision);
        await using var stream = await OpenStreamWithFailoverAsync(history, options, trail, cancellationToken);
        while (await stream.MoveNextAsync())
        {
            yield return stream.Current;
        }

        var stamp = new ChatResponseUpdate { Role = ChatRole.Assistant, AdditionalProperties = [] };
        trail.Stamp(stamp.AdditionalProperties);
        yield return stamp;
    }

    /// <summary>Classifies when the policy needs it and decides; a classifier outage is a reason, not a crash.</summary>
    public async Task<RouteDecision> DecideAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var request = RoutingRequest.From(options, messages);
        ClassifyResponse? classification = null;
        string? failure = null;
        if (RoutingPolicy.NeedsClassification(request))
        {
            try
            {
                classification = await classifier.ClassifyAsync(messages, cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled)
            {
                failure = ex.StatusCode.ToString();
                LogClassifierUnavailable(ex.StatusCode);
            }
        }

        var decision = policy.Decide(request, classification, failure);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // Debug: every answer already carries its decision (metadata, explain headers, the gen_ai span).
            LogDecision(decision.Route, string.Join("; ", decision.Reasons));
        }

        return decision;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private Task<ChatResponse> InvokeWithFailoverAsync(
        IReadOnlyList<ChatMessage> history, ChatOptions? options, RouteTrail trail, CancellationToken cancellationToken) =>
        WithFailoverAsync(trail, () => invoker.InvokeAsync(history, options, trail, cancellationToken), cancellationToken);

    private Task<IAsyncEnumerator<ChatResponseUpdate>> OpenStreamWithFailoverAsync(
        IReadOnlyList<ChatMessage> history, ChatOptions? options, RouteTrail trail, CancellationToken cancellationToken) =>
        WithFailoverAsync(trail, () => invoker.OpenStreamAsync(history, options, trail, cancellationToken), cancellationToken);

    /// <summary>Runs an attempt on the trail's route; an eligible failure moves the trail to the other route once and retries there.</summary>
    private async Task<T> WithFailoverAsync<T>(RouteTrail trail, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception ex) when (trail.TryFailOver(ex, cancellationToken))
            {
                LogFailover(trail.Reasons[^1]);
            }
        }
    }

    private async Task<ChatResponse> ValidateAsync(
        IReadOnlyList<ChatMessage> history, ChatOptions? options, RouteTrail trail, string schema, ChatResponse response, CancellationToken cancellationToken)
    {
        if (schemaValidator.Validate(schema, response.Text) is not { } problem)
        {
            trail.Note("json_schema: answer valid");
            return response;
        }

        if (trail.Route != RouteNames.Local)
        {
            trail.Note($"json_schema: {trail.Route} answer invalid ({problem})");
            return response;
        }

        trail.Note($"json_schema: local answer invalid ({problem}) → retry once");
        var retryOptions = options?.Clone() ?? new ChatOptions();
        retryOptions.Seed = (retryOptions.Seed ?? 0) + 1;
        var retry = await invoker.InvokeAsync(history, retryOptions, trail, cancellationToken);
        if (schemaValidator.Validate(schema, retry.Text) is not { } retryProblem)
        {
            trail.Note("json_schema: valid after retry");
            return retry;
        }

        if (!trail.Decision.CanFailOver)
        {
            trail.Note($"json_schema: still invalid ({retryProblem}); not escalated ({(trail.Decision.LocalOnly ? "private" : "route fixed by the caller")})");
            return retry;
        }

        trail.Escalate($"json_schema: still invalid ({retryProblem}) → escalated to proprietary");
        var escalated = await invoker.InvokeAsync(history, options, trail, cancellationToken);
        trail.Note(schemaValidator.Validate(schema, escalated.Text) is { } finalProblem
            ? $"json_schema: proprietary answer invalid too ({finalProblem})"
            : "json_schema: proprietary answer valid");
        return escalated;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Routed to {Route}: {Reasons}")]
    private partial void LogDecision(string route, string reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Classifier unavailable ({Status}); routing fails closed to local")]
    private partial void LogClassifierUnavailable(StatusCode status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failover: {Reason}")]
    private partial void LogFailover(string reason);
}

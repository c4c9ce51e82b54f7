using Google.Protobuf;
using HybridLlm.Contracts.Mapping;
using HybridLlm.Grpc.V1;
using HybridLlm.ProprietaryAdapter.Providers;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Deferred;

/// <summary>
/// The deferred queue in Redis: a stream <c>{prefix}:jobs</c> (entry: job id + the request as contract protobuf) read by
/// one consumer group, and a hash per job <c>{prefix}:job:{id}</c> (state, attempts, answer or error) with a TTL. A job
/// is queued, finished and acknowledged in MULTI/EXEC transactions: the result is written before the entry is
/// acknowledged (and deleted), in the same atomic step, so no accepted job is lost or left without a result.
/// </summary>
internal sealed class DeferredJobStore(IConnectionMultiplexer redis, IOptions<ProprietaryOptions> options, TimeProvider timeProvider)
{
    private const string JobField = "job";
    private const string RequestField = "request";
    private const string StateField = "state";
    private const string AttemptsField = "attempts";
    private const string ResponseField = "response";
    private const string ErrorField = "error";

    private readonly DeferredQueueOptions _options = options.Value.Deferred;

    private RedisKey StreamKey => $"{_options.KeyPrefix}:jobs";

    /// <summary>Entries in the stream not yet trimmed: queued, in flight, and recently completed (for the depth metric).</summary>
    public long QueueLength() => redis.GetDatabase().StreamLength(StreamKey);

    /// <summary>Entries delivered to a worker and not yet acknowledged.</summary>
    public long PendingCount() =>
        redis.GetDatabase().StreamPending(StreamKey, _options.ConsumerGroup) is { PendingMessageCount: var count } ? count : 0;

    /// <summary>Queues the request and returns its job id (32 hex digits, unguessable: the id is the claim ticket).</summary>
    public async Task<string> EnqueueAsync(IEnumerable<Ai.ChatMessage> messages, Ai.ChatOptions? options)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var request = ChatRequestMapper.ToProto(messages, options).ToByteArray();
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(JobKey(jobId), [new(StateField, "pending"), new("created", timeProvider.GetUtcNow().ToUnixTimeMilliseconds())]);
        _ = transaction.KeyExpireAsync(JobKey(jobId), _options.ResultTtl);
        _ = transaction.StreamAddAsync(StreamKey, [new(JobField, jobId), new(RequestField, request)]);
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new RedisException("The deferred job could not be queued (transaction not committed).");
        }

        return jobId;
    }

    /// <summary>The job's state, or null when the id is unknown or its record expired.</summary>
    public async Task<GetDeferredResultResponse?> ReadAsync(string jobId)
    {
        var fields = await redis.GetDatabase().HashGetAsync(JobKey(jobId), [StateField, ResponseField, ErrorField]).ConfigureAwait(false);
        if (fields[0].IsNull)
        {
            return null;
        }

        var result = new GetDeferredResultResponse { JobId = jobId };
        switch ((string?)fields[0])
        {
            case "completed":
                result.State = DeferredJobState.Completed;
                result.Response = ChatResponse.Parser.ParseFrom((byte[])fields[1]!);
                break;
            case "failed":
                result.State = DeferredJobState.Failed;
                result.Error = (string?)fields[2] ?? "";
                break;
            default:
                result.State = DeferredJobState.Pending;
                break;
        }

        return result;
    }

    /// <summary>Creates the consumer group (reading from the stream's start) unless it exists.</summary>
    public async Task EnsureGroupAsync()
    {
        try
        {
            await redis.GetDatabase().StreamCreateConsumerGroupAsync(StreamKey, _options.ConsumerGroup, StreamPosition.Beginning, createStream: true)
                .ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    /// <summary>Takes over jobs another consumer left untouched for <c>ClaimIdleTime</c> (it died mid-way).</summary>
    public async Task<StreamEntry[]> ClaimAbandonedAsync(string consumer, int count)
    {
        var claimed = await redis.GetDatabase().StreamAutoClaimAsync(
            StreamKey, _options.ConsumerGroup, consumer, (long)_options.ClaimIdleTime.TotalMilliseconds, "0-0", count).ConfigureAwait(false);
        return claimed.ClaimedEntries;
    }

    /// <summary>Jobs no consumer has seen yet.</summary>
    public Task<StreamEntry[]> ReadNewAsync(string consumer, int count) =>
        redis.GetDatabase().StreamReadGroupAsync(StreamKey, _options.ConsumerGroup, consumer, StreamPosition.NewMessages, count);

    /// <summary>Resets the idle time of jobs this consumer is working on, so no other consumer takes them over.</summary>
    public Task TouchAsync(string consumer, RedisValue[] entryIds) =>
        redis.GetDatabase().StreamClaimIdsOnlyAsync(StreamKey, _options.ConsumerGroup, consumer, 0, entryIds);

    /// <summary>Counts an attempt at the job (across restarts) and returns the count including this one.</summary>
    public async Task<long> CountAttemptAsync(string jobId)
    {
        var db = redis.GetDatabase();
        var attempts = await db.HashIncrementAsync(JobKey(jobId), AttemptsField).ConfigureAwait(false);
        await db.KeyExpireAsync(JobKey(jobId), _options.ResultTtl, ExpireWhen.HasNoExpiry).ConfigureAwait(false);
        return attempts;
    }

    public Task CompleteAsync(RedisValue entryId, string jobId, ChatResponse response) =>
        FinishAsync(entryId, jobId, [new(StateField, "completed"), new(ResponseField, response.ToByteArray())]);

    public Task FailAsync(RedisValue entryId, string jobId, string error) =>
        FinishAsync(entryId, jobId, [new(StateField, "failed"), new(ErrorField, error)]);

    /// <summary>Acknowledges and deletes an entry that cannot be a job (no id or request); nothing to store.</summary>
    public async Task DropAsync(RedisValue entryId)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(StreamKey, _options.ConsumerGroup, entryId);
        _ = transaction.StreamDeleteAsync(StreamKey, [entryId]);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    public static (string? JobId, ChatRequest? Request) Parse(StreamEntry entry)
    {
        var jobId = (string?)entry[JobField];
        var request = entry[RequestField];
        try
        {
            return (jobId, request.IsNull ? null : ChatRequest.Parser.ParseFrom((byte[])request!));
        }
        catch (InvalidProtocolBufferException)
        {
            return (jobId, null);
        }
    }

    private async Task FinishAsync(RedisValue entryId, string jobId, HashEntry[] result)
    {
        // Result first, then the acknowledgement, atomically: a crash can only leave both undone (the job runs again).
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(JobKey(jobId), result);
        _ = transaction.KeyExpireAsync(JobKey(jobId), _options.ResultTtl);
        _ = transaction.StreamAcknowledgeAsync(StreamKey, _options.ConsumerGroup, entryId);
        _ = transaction.StreamDeleteAsync(StreamKey, [entryId]);
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new RedisException("The deferred job's result could not be stored (transaction not committed).");
        }
    }

    private RedisKey JobKey(string jobId) => $"{_options.KeyPrefix}:job:{jobId}";
}

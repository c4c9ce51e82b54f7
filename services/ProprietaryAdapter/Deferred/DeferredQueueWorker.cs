using System.Collections.Concurrent;
using HybridLlm.Contracts.Mapping;
using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HybridLlm.ProprietaryAdapter.Deferred;

/// <summary>
/// Drains the deferred queue as capacity returns. Each replica is one consumer of the group: it first takes over jobs a
/// dead consumer left (XAUTOCLAIM after <c>ClaimIdleTime</c>), then reads new ones (XREADGROUP), runs each through the
/// provider layer (deployment router, limiter with the longer <c>WaitBudget</c>, retry loop), and stores the answer or
/// the error before acknowledging (<see cref="DeferredJobStore"/>). Transient failures are retried in place up to
/// <c>MaxAttempts</c>; while a job runs its entry is touched so no live consumer loses it. Stopping mid-job leaves the
/// entry pending, so the next consumer runs it: nothing accepted is lost.
/// </summary>
internal sealed class DeferredQueueWorker(
    [FromKeyedServices(ProprietaryServiceCollectionExtensions.ProviderClientKey)] IChatClient providerClient,
    DeferredJobStore store,
    DeferredQueueSignal signal,
    IOptions<ProprietaryOptions> options,
    TimeProvider timeProvider,
    ILogger<DeferredQueueWorker> logger) : BackgroundService
{
    private readonly DeferredQueueOptions _options = options.Value.Deferred;
    private readonly ConcurrentDictionary<RedisValue, byte> _inFlight = new();
    private readonly string _consumer = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        Log.WorkerStarted(logger, _consumer, _options.ConsumerGroup);
        var heartbeat = HeartbeatAsync(stoppingToken);
        var groupReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!groupReady)
                {
                    await store.EnsureGroupAsync().ConfigureAwait(false);
                    groupReady = true;
                }

                var entries = await store.ClaimAbandonedAsync(_consumer, _options.MaxConcurrency).ConfigureAwait(false);
                if (entries.Length == 0)
                {
                    entries = await store.ReadNewAsync(_consumer, _options.MaxConcurrency).ConfigureAwait(false);
                }

                if (entries.Length == 0)
                {
                    await signal.WaitAsync(_options.PollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await Task.WhenAll(entries.Select(entry => ProcessAsync(entry, stoppingToken))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                // The group may be gone too (a flushed Redis): make sure of it again.
                groupReady = false;
                Log.WorkerRedisError(logger, e.GetType().Name);
                await DelayAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never take the host down: the job stays pending and is tried again after ClaimIdleTime.
                Log.WorkerFailed(logger, e);
                await DelayAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }

        await heartbeat.ConfigureAwait(false);
    }

    private async Task ProcessAsync(StreamEntry entry, CancellationToken stoppingToken)
    {
        var (jobId, request) = DeferredJobStore.Parse(entry);
        if (jobId is null)
        {
            Log.MalformedEntry(logger, entry.Id.ToString());
            await store.DropAsync(entry.Id).ConfigureAwait(false);
            return;
        }

        // A request that cannot be read back fails its job rather than crash every replica that picks it up.
        List<ChatMessage> messages;
        ChatOptions chatOptions;
        try
        {
            messages = ChatRequestMapper.ToAiMessages(request ?? throw new ArgumentException("No request."));
            chatOptions = ChatRequestMapper.ToAiOptions(request);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            await FailAsync(entry, jobId, 0, "The queued request could not be read back.").ConfigureAwait(false);
            return;
        }

        chatOptions.AdditionalProperties![DeploymentRouterChatClient.WaitBudgetKey] = _options.WaitBudget.TotalMilliseconds;
        _inFlight[entry.Id] = 0;
        try
        {
            while (true)
            {
                var attempt = await store.CountAttemptAsync(jobId).ConfigureAwait(false);
                if (attempt > _options.MaxAttempts)
                {
                    await FailAsync(entry, jobId, attempt, $"Gave up after {_options.MaxAttempts} attempts.").ConfigureAwait(false);
                    return;
                }

                try
                {
                    var response = await providerClient.GetResponseAsync(messages, chatOptions, stoppingToken).ConfigureAwait(false);
                    await store.CompleteAsync(entry.Id, jobId, ChatResponseMapper.ToProto(response)).ConfigureAwait(false);
                    Log.JobCompleted(logger, jobId, attempt);
                    return;
                }
                catch (Exception e) when (DeferralPolicy.IsTransient(e) && attempt < _options.MaxAttempts)
                {
                    var delay = DeferralPolicy.RetryAfter(e) ?? _options.RetryDelay;
                    Log.JobRetrying(logger, jobId, attempt, e.GetType().Name, delay.TotalMilliseconds);
                    await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not (RedisException or RedisTimeoutException))
                {
                    await FailAsync(entry, jobId, attempt, DeferralPolicy.Describe(e)).ConfigureAwait(false);
                    return;
                }
            }
        }
        finally
        {
            _inFlight.TryRemove(entry.Id, out _);
        }
    }

    private async Task FailAsync(StreamEntry entry, string jobId, long attempt, string reason)
    {
        await store.FailAsync(entry.Id, jobId, reason).ConfigureAwait(false);
        Log.JobFailed(logger, jobId, attempt, reason);
    }

    /// <summary>Touches in-flight entries every third of <c>ClaimIdleTime</c> so other consumers leave them alone.</summary>
    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        var interval = _options.ClaimIdleTime / 3;
        while (await DelayAsync(interval, stoppingToken).ConfigureAwait(false))
        {
            var ids = _inFlight.Keys.ToArray();
            if (ids.Length == 0)
            {
                continue;
            }

            try
            {
                await store.TouchAsync(_consumer, ids).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                Log.WorkerRedisError(logger, e.GetType().Name);
            }
        }
    }

    /// <summary>False once stopping.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

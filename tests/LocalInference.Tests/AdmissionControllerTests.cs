using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.LocalInference.Admission;
using HybridLlm.LocalInference.Llama;
using HybridLlm.LocalInference.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HybridLlm.LocalInference.Tests;

public sealed class AdmissionControllerTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Admit_FreeSlot_IsGrantedAtOnceAndCounted()
    {
        using var admission = Create(slots: 2, queued: 0);

        using var slot = await admission.AdmitAsync(CancellationToken.None);

        Assert.Equal(1, admission.ActiveCount);
        Assert.Equal(0, admission.QueuedCount);
    }

    [Fact]
    public async Task Admit_QueueFull_IsRefusedAtOnceWithResourceExhaustedAndARetryHint()
    {
        using var admission = Create(slots: 1, queued: 1);
        using var busy = await admission.AdmitAsync(CancellationToken.None);
        var waiting = admission.AdmitAsync(CancellationToken.None).AsTask();

        var error = await Assert.ThrowsAsync<ChatServiceException>(() => admission.AdmitAsync(CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.ResourceExhausted, error.Status);
        Assert.Equal(RetryAfterEstimator.Initial, error.RetryAfter);
        Assert.Contains("MaxQueuedRequests", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, admission.RejectedQueueFull);
        Assert.False(waiting.IsCompleted);
        busy.Dispose();
        (await waiting).Dispose();
    }

    [Fact]
    public async Task Admit_WaitPastMaxQueueWait_IsRefusedWithResourceExhausted()
    {
        using var admission = Create(slots: 1, queued: 4, maxQueueWait: TimeSpan.FromSeconds(2));
        using var busy = await admission.AdmitAsync(CancellationToken.None);
        var waiting = admission.AdmitAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(waiting.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(0.1));

        var error = await Assert.ThrowsAsync<ChatServiceException>(() => waiting);
        Assert.Equal(StatusCode.ResourceExhausted, error.Status);
        Assert.NotNull(error.RetryAfter);
        Assert.Contains("MaxQueueWait", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, admission.RejectedQueueTimeout);
        Assert.Equal(0, admission.QueuedCount);
    }

    [Fact]
    public async Task Admit_QueuedRequest_GetsTheSlotWhenItFreesInArrivalOrder()
    {
        using var admission = Create(slots: 1, queued: 2);
        var busy = await admission.AdmitAsync(CancellationToken.None);
        var first = admission.AdmitAsync(CancellationToken.None).AsTask();
        var second = admission.AdmitAsync(CancellationToken.None).AsTask();
        Assert.Equal(2, admission.QueuedCount);

        busy.Dispose();

        using var firstSlot = await first;
        Assert.False(second.IsCompleted);
        Assert.Equal(1, admission.QueuedCount);
        firstSlot.Dispose();
        (await second).Dispose();
        Assert.Equal(0, admission.ActiveCount);
    }

    [Fact]
    public async Task Admit_CallerCancelsWhileQueued_LeavesTheQueueWithoutARefusal()
    {
        using var admission = Create(slots: 1, queued: 2);
        using var busy = await admission.AdmitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = admission.AdmitAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, admission.QueuedCount);
        Assert.Equal(0, admission.RejectedQueueFull + admission.RejectedQueueTimeout);
    }

    [Fact]
    public async Task RetryHint_AfterRequestsFinished_FollowsHowLongTheyHeldASlot()
    {
        using var admission = Create(slots: 1, queued: 0);
        var slot = await admission.AdmitAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(800));
        slot.Dispose();
        using var busy = await admission.AdmitAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<ChatServiceException>(() => admission.AdmitAsync(CancellationToken.None).AsTask());

        Assert.Equal(TimeSpan.FromMilliseconds(800), error.RetryAfter);
    }

    [Fact]
    public void Estimate_QueueAheadOfTheNewcomer_WaitsOneAverageRequestPerFullRoundOfSlots()
    {
        var estimator = new RetryAfterEstimator(slots: 2);
        estimator.Record(TimeSpan.FromMilliseconds(400));

        Assert.Equal(TimeSpan.FromMilliseconds(400), estimator.Estimate(queued: 1));
        Assert.Equal(TimeSpan.FromMilliseconds(800), estimator.Estimate(queued: 3));
        Assert.Equal(TimeSpan.FromSeconds(60), estimator.Estimate(queued: 10_000));
    }

    [Fact]
    public void Estimate_RecentDurations_MoveTheAverageGradually()
    {
        var estimator = new RetryAfterEstimator(slots: 1);
        estimator.Record(TimeSpan.FromMilliseconds(1000));

        estimator.Record(TimeSpan.FromMilliseconds(2000));

        Assert.Equal(TimeSpan.FromMilliseconds(1200), estimator.AverageHold);
    }

    [Fact]
    public void Estimate_VeryShortRequests_NeverHintsUnder100Milliseconds()
    {
        var estimator = new RetryAfterEstimator(slots: 1);
        estimator.Record(TimeSpan.FromMilliseconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(100), estimator.Estimate(queued: 0));
    }

    private AdmissionController Create(int slots, int queued, TimeSpan? maxQueueWait = null) => new(
        Options.Create(new LlamaOptions { MaxConcurrentSequences = slots }),
        Options.Create(new ServingOptions { MaxQueuedRequests = queued, MaxQueueWait = maxQueueWait ?? TimeSpan.FromSeconds(30) }),
        _clock,
        NullLogger<AdmissionController>.Instance);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HybridLlm.Bench.Gateway;

/// <summary>
/// A fixed wait (the fake backend's answer time) kept to tens of microseconds. <see cref="Task.Delay(TimeSpan)"/> fires on
/// the runtime's timer, whose millisecond ticks move every answer to the next tick: a few hundred microseconds added before
/// the backend then show up as 0 or 1 ms. Here one thread sleeps with <c>clock_nanosleep</c> until the oldest wait is due
/// (every wait has the same length, so the queue is first in, first out) and releases every wait that is due.
/// Elsewhere than Linux it falls back to <see cref="Task.Delay(TimeSpan)"/> (see <see cref="IsPrecise"/>).
/// </summary>
internal sealed partial class FixedDelay : IDisposable
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private static readonly long Slack = Stopwatch.Frequency / 50_000; // 20 µs: release waits due this soon together

    private readonly long _delayTicks;
    private readonly ConcurrentQueue<(long Due, TaskCompletionSource Done)> _waits = new();
    private readonly SemaphoreSlim _pending = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread? _thread;
    private readonly TimeSpan _delay;

    public FixedDelay(TimeSpan delay)
    {
        _delay = delay;
        _delayTicks = (long)(delay.TotalSeconds * Stopwatch.Frequency);
        if (IsPrecise)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "fake-backend-delay" };
            _thread.Start();
        }
    }

    /// <summary>True on Linux, where Stopwatch reads CLOCK_MONOTONIC in nanoseconds and <c>clock_nanosleep</c> exists.</summary>
    public static bool IsPrecise => OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    /// <summary>Completes (on the thread pool) once the delay has passed since this call.</summary>
    public Task WaitAsync()
    {
        if (_thread is null)
        {
            return Task.Delay(_delay);
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waits.Enqueue((Stopwatch.GetTimestamp() + _delayTicks, done));
        _pending.Release();
        return done.Task;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
        _pending.Dispose();
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                _pending.Wait(_stop.Token);
                if (!_waits.TryPeek(out var head))
                {
                    continue;
                }

                SleepUntil(head.Due);
                var now = Stopwatch.GetTimestamp();
                var released = 0;
                while (_waits.TryPeek(out var next) && next.Due <= now + Slack && _waits.TryDequeue(out next))
                {
                    next.Done.TrySetResult();
                    released++;
                }

                // One semaphore count per wait: the first was taken above, the others now.
                if (released == 0)
                {
                    _pending.Release();
                }

                for (var i = 1; i < released; i++)
                {
                    _pending.Wait(_stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            while (_waits.TryDequeue(out var left))
            {
                left.Done.TrySetCanceled();
            }
        }
    }

    private static void SleepUntil(long due)
    {
        var request = new TimeSpec { Seconds = due / 1_000_000_000, Nanoseconds = due % 1_000_000_000 };
        while (Stopwatch.GetTimestamp() < due && ClockNanosleep(ClockMonotonic, AbsoluteTime, in request, IntPtr.Zero) != 0)
        {
            // EINTR: sleep again until the same absolute time.
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clockId, int flags, in TimeSpec request, IntPtr remain);
}

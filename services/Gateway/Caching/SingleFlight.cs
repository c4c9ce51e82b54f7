using System.Collections.Concurrent;

namespace HybridLlm.Gateway.Caching;

/// <summary>
/// Concurrent callers with the same key share one run of the work; the others wait for its result (each gets its own
/// copy). If the leading caller is cancelled, the waiters start over and one of them leads.
/// </summary>
public sealed class SingleFlight<T>
{
    private readonly ConcurrentDictionary<string, Task<T>> _inFlight = new(StringComparer.Ordinal);

    public async Task<T> RunAsync(string key, Func<Task<T>> work, Func<T, T> copyForFollower, CancellationToken cancellationToken)
    {
        while (true)
        {
            var leader = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var shared = _inFlight.GetOrAdd(key, leader.Task);
            if (shared != leader.Task)
            {
                try
                {
                    return copyForFollower(await shared.WaitAsync(cancellationToken));
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue;
                }
            }

            try
            {
                var result = await work();
                leader.SetResult(result);
                return result;
            }
            catch (OperationCanceledException)
            {
                leader.SetCanceled(CancellationToken.None);
                throw;
            }
            catch (Exception ex)
            {
                leader.SetException(ex);
                throw;
            }
            finally
            {
                _inFlight.TryRemove(new KeyValuePair<string, Task<T>>(key, leader.Task));
            }
        }
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace HybridLlm.Bench.Gateway;

/// <summary>
/// Catches the first host built after <see cref="Start"/> through the "Microsoft.Extensions.Hosting" diagnostic
/// listener (what <c>WebApplicationFactory</c>'s host factory resolver listens to).
/// </summary>
internal sealed class HostBuiltCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string HostingListener = "Microsoft.Extensions.Hosting";
    private readonly TaskCompletionSource<IHost> _built;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();

    private HostBuiltCapture(TaskCompletionSource<IHost> built) => _built = built;

    public static HostBuiltCapture Start(TaskCompletionSource<IHost> built)
    {
        var capture = new HostBuiltCapture(built);
        var all = DiagnosticListener.AllListeners.Subscribe(capture);
        lock (capture._gate)
        {
            capture._subscriptions.Add(all);
        }

        return capture;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name != HostingListener || _built.Task.IsCompleted)
        {
            return;
        }

        var subscription = value.Subscribe(this);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "HostBuilt" && value.Value is IHost host)
        {
            _built.TrySetResult(host);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }
}

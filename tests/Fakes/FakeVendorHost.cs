using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace HybridLlm.Testing.Fakes;

/// <summary>What a fake vendor answers; the host records requests and applies status and delay faults.</summary>
internal interface IFakeVendor
{
    /// <summary>The vendor-shaped JSON error body for an injected status code.</summary>
    string ErrorBody(int statusCode);

    /// <summary>Answers a request that no status fault claimed (the fault may still ask for malformed or dropped output).</summary>
    Task ReplyAsync(HttpContext context, RecordedRequest request, FakeFault? fault);
}

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port, shared by the fake vendor servers.</summary>
internal sealed class FakeVendorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IFakeVendor _vendor;
    private readonly ConcurrentQueue<FakeFault> _faults = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _requestsGate = new();
    private int _calls;

    private FakeVendorHost(WebApplication app, IFakeVendor vendor)
    {
        _app = app;
        _vendor = vendor;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Keep every request (default); a benchmark turns it off so memory stays flat under load.</summary>
    public bool RecordRequests { get; set; } = true;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return [.. _requests];
            }
        }
    }

    public int Calls
    {
        get
        {
            lock (_requestsGate)
            {
                return _calls;
            }
        }
    }

    public static async Task<FakeVendorHost> StartAsync(IFakeVendor vendor, CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings.json or environment: a test's output folder may carry a service's
        // Kestrel endpoints, which would otherwise override the ephemeral port below.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var host = new FakeVendorHost(app, vendor);
        app.Run(host.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        // Kestrel replaces port 0 with the bound port once started.
        host.BaseAddress = new Uri(app.Urls.First());
        return host;
    }

    public void EnqueueFault(FakeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Enqueue(fault);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var recorded = await RecordAsync(context).ConfigureAwait(false);
        _faults.TryDequeue(out var fault);
        if (fault is { Delay.Ticks: > 0 })
        {
            try
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (attempt timeout or cancellation)
            }
        }

        if (fault?.Gate is { } gate)
        {
            try
            {
                await gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up
            }
        }

        if (fault?.StatusCode is int status)
        {
            await WriteErrorAsync(context, fault, status).ConfigureAwait(false);
            return;
        }

        await _vendor.ReplyAsync(context, recorded, fault).ConfigureAwait(false);
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.PathBase + context.Request.Path,
            headers,
            body,
            DateTimeOffset.UtcNow);
        lock (_requestsGate)
        {
            _calls++;
            if (RecordRequests)
            {
                _requests.Add(recorded);
            }
        }

        return recorded;
    }

    private async Task WriteErrorAsync(HttpContext context, FakeFault fault, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (fault.RetryAfterSeconds is int seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (fault.RetryAfterDate is DateTimeOffset date)
        {
            response.Headers.RetryAfter = date.ToUniversalTime().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (fault.RetryAfterMilliseconds is int milliseconds)
        {
            response.Headers["retry-after-ms"] = milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        response.ContentType = "application/json";
        await response.WriteAsync(_vendor.ErrorBody(status), context.RequestAborted).ConfigureAwait(false);
    }
}

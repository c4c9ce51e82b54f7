using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace HybridLlm.Testing.Fakes;

/// <summary>Server-sent-event writing shared by the fake vendors, including the injected stream drop.</summary>
internal static partial class FakeSse
{
    /// <summary>Splits a reply into word-sized pieces ("Hello", " there") the way a model streams tokens.</summary>
    public static IReadOnlyList<string> Pieces(string text) =>
        WordPiece().Matches(text).Select(m => m.Value).ToArray();

    /// <summary>
    /// Writes the events as an SSE stream. With <see cref="FakeFault.DropStreamAfterEvents"/> the connection breaks after
    /// that many events; with <see cref="FakeFault.MalformedJson"/> the first event's data is not JSON.
    /// </summary>
    public static async Task WriteAsync(
        HttpContext context, IEnumerable<(string? EventName, string Data)> events, FakeFault? fault)
    {
        var frames = events.Select((e, index) => Frame(e.EventName, fault?.MalformedJson == true && index == 0 ? "{\"broken\": " : e.Data));
        if (fault?.DropStreamAfterEvents is int dropAfter
            && context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            await DropAfterAsync(context, socket, frames.Take(dropAfter)).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        foreach (var frame in frames)
        {
            await response.WriteAsync(frame, context.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            if (fault is { EventInterval.Ticks: > 0 })
            {
                await Task.Delay(fault.EventInterval, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private static string Frame(string? eventName, string data) =>
        eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";

    /// <summary>
    /// Breaks the stream deterministically. Kestrel's flush returns before bytes reach the socket and its abort sends a
    /// TCP reset, which can make the client discard data it has not read yet (even the headers). So the response is
    /// written straight to the socket (status line, headers, one chunk per event), then the socket is half-closed: the
    /// client reads every event and then end-of-stream inside the chunked body ("response ended prematurely").
    /// </summary>
    private static async Task DropAfterAsync(HttpContext context, Socket socket, IEnumerable<string> frames)
    {
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, context.RequestAborted).ConfigureAwait(false);
        foreach (var frame in frames)
        {
            var payload = Encoding.UTF8.GetBytes(frame);
            var chunk = Encoding.ASCII.GetBytes($"{payload.Length:X}\r\n").Concat(payload).Concat("\r\n"u8.ToArray()).ToArray();
            await socket.SendAsync(chunk, SocketFlags.None, context.RequestAborted).ConfigureAwait(false);
        }

        socket.Shutdown(SocketShutdown.Send);
        try
        {
            // Let the client read and close its side first, so the final abort resets nothing unread.
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }

    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex WordPiece();
}

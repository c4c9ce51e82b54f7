namespace HybridLlm.Testing.Fakes;

/// <summary>One request as a fake vendor server received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path including any path base, e.g. <c>/v1/chat/completions</c>.</param>
/// <param name="Headers">Request headers (names case-insensitive, multiple values joined by ", ").</param>
/// <param name="Body">Request body as UTF-8 text.</param>
/// <param name="ReceivedAt">Wall-clock time of arrival.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The value of a header, or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

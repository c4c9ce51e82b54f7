namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// Outermost handler of the provider HttpClient: sees the response the retry loop finally returned and notes its status
/// and wait hint for <see cref="UpstreamErrorChatClient"/>.
/// </summary>
internal sealed class RetryAfterCaptureHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        UpstreamResponseObservation.Current?.Record(
            (int)response.StatusCode,
            RetryAfterHint.Read(response, timeProvider.GetUtcNow()));
        return response;
    }
}

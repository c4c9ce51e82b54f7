using System.Text.RegularExpressions;
using HybridLlm.Contracts.Deferred;
using HybridLlm.Grpc.V1;

namespace HybridLlm.ProprietaryAdapter.Deferred;

/// <summary>Answers <c>ChatService.GetDeferredResult</c> from the job records in Redis.</summary>
internal sealed partial class RedisDeferredResultSource(DeferredJobStore store) : IDeferredResultSource
{
    public async Task<GetDeferredResultResponse?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        // Anything but an id this queue issued is unknown, and never reaches a Redis key.
        if (!JobIdShape().IsMatch(jobId))
        {
            return null;
        }

        return await store.ReadAsync(jobId).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex JobIdShape();
}

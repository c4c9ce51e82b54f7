namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// The proprietary provider has no provider or no API key configured. Callers map it to gRPC
/// <c>FailedPrecondition</c>: retrying does not help until the configuration changes.
/// </summary>
internal sealed class ProviderNotConfiguredException : InvalidOperationException
{
    public ProviderNotConfiguredException(string description)
        : base(description)
    {
    }
}

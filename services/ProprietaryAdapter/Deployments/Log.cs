using Microsoft.Extensions.Logging;

namespace HybridLlm.ProprietaryAdapter.Deployments;

/// <summary>Deployment routing and model retirement log messages (no prompt, no key).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Debug,
        Message = "Model {Model} routed to proprietary deployment {Deployment} (estimated {EstimatedTokens} tokens)")]
    public static partial void Routed(ILogger logger, string model, string deployment, long estimatedTokens);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning,
        Message = "Proprietary model {Model} (deployment {Deployment}, aliases {Aliases}) {State} on {RetiresOn}; point its aliases at a successor in Proprietary:Aliases")]
    public static partial void ModelRetiring(ILogger logger, string model, string deployment, string aliases, string state, string retiresOn);
}

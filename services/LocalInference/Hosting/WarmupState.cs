namespace HybridLlm.LocalInference.Hosting;

/// <summary>Where <see cref="ModelWarmup"/> is; only <see cref="Ready"/> makes the service ready.</summary>
internal enum WarmupState
{
    /// <summary>Downloading, verifying or loading the model, or connecting to the upstream.</summary>
    Loading,

    /// <summary>Loaded; the warm-up generation has not succeeded yet.</summary>
    WarmingUp,

    /// <summary>Warmed up and serving.</summary>
    Ready,

    /// <summary>Loading failed; the service is stopping.</summary>
    Failed,
}

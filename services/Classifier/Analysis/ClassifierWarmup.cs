using System.Diagnostics;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Loads and validates the router weights, the embedding model and the tokenizer at start, then classifies one
/// prompt so the first real request does not pay for lazy initialisation. Bad weights stop the service here,
/// with the loader's message, instead of failing requests later.
/// </summary>
internal sealed partial class ClassifierWarmup(PromptClassifier classifier, ILogger<ClassifierWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var analysis = await classifier.ClassifyAsync([new ClassifierMessage("user", "Warm-up: classify this sentence as positive or negative.")], cancellationToken);
        // Loading the tokenizers and the static table left build garbage; return it to the OS now rather than
        // whenever the next full collection happens.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var training = classifier.Training;
        LogReady(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds, analysis.Task,
            training?.ValidationTaskAccuracy ?? double.NaN, training?.ValidationStrongAuc ?? double.NaN, Environment.WorkingSet / (1024 * 1024), GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Classifier ready in {ElapsedMs:0} ms (warm-up task {Task}); router validation task accuracy {TaskAccuracy:0.000}, strong-score AUC {StrongAuc:0.000}; working set {WorkingSetMb} MB, managed heap {ManagedHeapMb} MB")]
    private static partial void LogReady(ILogger logger, double elapsedMs, TaskKind task, double taskAccuracy, double strongAuc, long workingSetMb, long managedHeapMb);
}

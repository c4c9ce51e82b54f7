using System.Diagnostics.Metrics;
using HybridLlm.LocalInference.Admission;

namespace HybridLlm.LocalInference.Telemetry;

/// <summary>
/// The service's own instruments, on the Meter <c>HybridLlm.LocalInference</c> (exported by ServiceDefaults with every
/// <c>HybridLlm.*</c> meter): load (active sequences, queue depth, refusals), speed (time to first token, tokens) and
/// which model answers (<c>model_info</c>, so a model change shows on a dashboard).
/// </summary>
internal sealed class LocalInferenceMetrics
{
    public const string MeterName = "HybridLlm.LocalInference";

    private readonly Histogram<double> _timeToFirstToken;
    private readonly Counter<long> _outputTokens;
    private readonly Counter<long> _requests;
    private volatile KeyValuePair<string, object?>[]? _modelTags;

    public LocalInferenceMetrics(IMeterFactory meterFactory, AdmissionController admission)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableUpDownCounter(
            "hybridllm.local_inference.active_sequences", () => admission.ActiveCount, "{sequence}",
            "Requests generating now, each holding one sequence.");
        meter.CreateObservableUpDownCounter(
            "hybridllm.local_inference.queue_depth", () => admission.QueuedCount, "{request}",
            "Requests waiting for a free sequence.");
        meter.CreateObservableCounter(
            "hybridllm.local_inference.admission_rejections",
            () => new[]
            {
                new Measurement<long>(admission.RejectedQueueFull, new KeyValuePair<string, object?>("reason", "queue_full")),
                new Measurement<long>(admission.RejectedQueueTimeout, new KeyValuePair<string, object?>("reason", "queue_timeout")),
            },
            "{request}",
            "Requests refused with ResourceExhausted: the queue was full, or the wait for a sequence ran out.");
        _timeToFirstToken = meter.CreateHistogram(
            "hybridllm.local_inference.time_to_first_token", "s",
            "From arrival (queueing included) to the first text of the answer.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30],
            });
        _outputTokens = meter.CreateCounter<long>(
            "hybridllm.local_inference.output_tokens", "{token}", "Tokens generated.");
        _requests = meter.CreateCounter<long>(
            "hybridllm.local_inference.requests", "{request}",
            "Admitted requests by how they ended: stop, length, cancelled (caller went away) or error.");
        meter.CreateObservableGauge(
            "hybridllm.local_inference.model_info", ObserveModel, "{model}",
            "1 for the model being served; its name, SHA-256 digest and backend are attributes.");
    }

    public void ModelLoaded(string backend, string modelName, string? digest) =>
        _modelTags =
        [
            new("backend", backend),
            new("model", modelName),
            new("digest", digest ?? "unknown"),
        ];

    public void TimeToFirstToken(TimeSpan elapsed) => _timeToFirstToken.Record(elapsed.TotalSeconds);

    public void RequestEnded(string outcome, long outputTokens)
    {
        var tag = new KeyValuePair<string, object?>("finish_reason", outcome);
        _requests.Add(1, tag);
        if (outputTokens > 0)
        {
            _outputTokens.Add(outputTokens, tag);
        }
    }

    private IEnumerable<Measurement<int>> ObserveModel() =>
        _modelTags is { } tags ? [new Measurement<int>(1, tags)] : [];
}

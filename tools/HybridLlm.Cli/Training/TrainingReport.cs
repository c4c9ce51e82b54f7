using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Cli.Training;

/// <summary>What a training run produced and how the result scored on the validation split.</summary>
internal sealed record TrainingReport(
    int TrainExamples,
    int ValidationExamples,
    double TaskL2,
    double StrongL2,
    IReadOnlyList<(double L2, double LogLoss)> TaskSearch,
    IReadOnlyList<(double L2, double LogLoss)> StrongSearch,
    double TrainTaskAccuracy,
    double ValidationTaskAccuracy,
    double ValidationKeywordAccuracy,
    double ValidationStrongAuc,
    double ValidationStrongAccuracy,
    IReadOnlyList<(TaskKind Task, int Count, double Accuracy, double MeanScore)> PerTask,
    TimeSpan FeatureTime,
    TimeSpan FitTime);

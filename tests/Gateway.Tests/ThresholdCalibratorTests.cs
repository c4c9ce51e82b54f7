using HybridLlm.Gateway.Routing;

namespace HybridLlm.Gateway.Tests;

public sealed class ThresholdCalibratorTests
{
    private static readonly double[] TenScores = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    [Theory]
    [InlineData(0.3, 0.7, 0.3)]
    [InlineData(0.5, 0.5, 0.5)]
    [InlineData(0.1, 0.9, 0.1)]
    [InlineData(0.9, 0.1, 0.9)]
    public void Calibrate_Share_IsTheOneMinusShareQuantile(double share, double threshold, double sampleShare)
    {
        var result = ThresholdCalibrator.Calibrate(TenScores.Reverse().ToArray(), share);

        Assert.Equal(threshold, result.Threshold);
        Assert.Equal(sampleShare, result.SampleShare, 10);
        Assert.Equal(10, result.SampleSize);
        Assert.Equal(share, result.RequestedShare);
    }

    [Fact]
    public void Calibrate_ShareOfOne_SendsEverythingIncludingScoresBelowTheSample()
    {
        var result = ThresholdCalibrator.Calibrate(TenScores, 1);

        Assert.Equal(0, result.Threshold);
        Assert.Equal(1, result.SampleShare);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.04)]
    public void Calibrate_ShareTooSmallForOneScore_PutsTheThresholdJustAboveTheHighest(double share)
    {
        var result = ThresholdCalibrator.Calibrate(TenScores, share);

        Assert.True(result.Threshold > 0.9 && result.Threshold < 0.9 + 1e-12);
        Assert.Equal(0, result.SampleShare);
    }

    [Fact]
    public void Calibrate_ShareZeroWithAScoreOfOne_StaysWithinZeroAndOne()
    {
        var result = ThresholdCalibrator.Calibrate([0.2, 1.0], 0);

        Assert.Equal(1.0, result.Threshold);
        Assert.Equal(0.5, result.SampleShare);
    }

    [Fact]
    public void Calibrate_TiesAtTheThreshold_AllCountAndTheSampleShareSaysSo()
    {
        var result = ThresholdCalibrator.Calibrate([0.1, 0.5, 0.5, 0.5, 0.9], 0.4);

        Assert.Equal(0.5, result.Threshold);
        Assert.Equal(0.8, result.SampleShare, 10);
    }

    [Fact]
    public void Calibrate_SingleScore_WorksAtBothEnds()
    {
        Assert.Equal(0.42, ThresholdCalibrator.Calibrate([0.42], 0.5).Threshold);
        Assert.True(ThresholdCalibrator.Calibrate([0.42], 0.2).Threshold > 0.42);
    }

    [Fact]
    public void Calibrate_ThresholdApplied_RoutesAboutTheRequestedShareOfALargeSample()
    {
        var random = new Random(7);
        var scores = Enumerable.Range(0, 10_000).Select(_ => Math.Round(random.NextDouble(), 4)).ToArray();

        foreach (var share in new[] { 0.05, 0.25, 0.6 })
        {
            var threshold = ThresholdCalibrator.Calibrate(scores, share).Threshold;
            var routed = scores.Count(s => s >= threshold) / (double)scores.Length;
            Assert.InRange(routed, share - 0.005, share + 0.005);
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Calibrate_ShareOutsideZeroToOne_IsRejected(double share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdCalibrator.Calibrate(TenScores, share));

    [Fact]
    public void Calibrate_NoScores_IsRejectedClearly()
    {
        var ex = Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Calibrate([], 0.3));

        Assert.Contains("At least one score", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Calibrate_ScoreOutsideZeroToOne_IsRejected(double score) =>
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Calibrate([0.2, score], 0.3));

    [Fact]
    public void Parse_TrainingOutput_ReadsScoresSourceAndWeightsDigest()
    {
        var set = CalibrationScoreSet.Parse(
            """{"format":"hybridllm-calibration/1","source":"validation split","weights_sha256":"abc","count":3,"needs_strong":1,"scores":[0.1,0.4,0.9]}""");

        Assert.Equal([0.1, 0.4, 0.9], set.Scores);
        Assert.Equal("validation split", set.Source);
        Assert.Equal("abc", set.WeightsSha256);
        Assert.Equal(0.9, ThresholdCalibrator.Calibrate(set.Scores, 1 / 3.0).Threshold);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"format":"other/1","scores":[0.1]}""")]
    [InlineData("""{"format":"hybridllm-calibration/1","scores":[]}""")]
    [InlineData("""{"format":"hybridllm-calibration/1","scores":[0.1, 2]}""")]
    [InlineData("""{"format":"hybridllm-calibration/1","scores":["x"]}""")]
    public void Parse_BadFile_ThrowsInvalidData(string json) =>
        Assert.Throws<InvalidDataException>(() => CalibrationScoreSet.Parse(json));

    [Fact]
    public void Parse_ShippedCalibrationScores_GiveAThresholdForAThirtyPercentShare()
    {
        var path = Path.Combine(RepositoryRoot(), "data/router/calibration-scores.json");

        var set = CalibrationScoreSet.Parse(File.ReadAllText(path));
        var result = ThresholdCalibrator.Calibrate(set.Scores, 0.3);

        Assert.True(set.Scores.Count >= 100);
        Assert.InRange(result.Threshold, 0, 1);
        Assert.InRange(result.SampleShare, 0.25, 0.35);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HybridLlm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Repository root (HybridLlm.sln) not found.");
    }
}

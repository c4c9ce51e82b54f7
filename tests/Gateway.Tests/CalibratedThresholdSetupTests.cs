using HybridLlm.Gateway.Routing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Tests;

public sealed class CalibratedThresholdSetupTests
{
    private static CalibratedThresholdSetup Setup() =>
        new(new TestEnvironment { ContentRootPath = AppContext.BaseDirectory }, NullLogger<CalibratedThresholdSetup>.Instance);

    [Fact]
    public void PostConfigure_ShareOfTrafficSet_DerivesTheThresholdFromTheShippedCalibrationScores()
    {
        var options = new RoutingOptions { ProprietaryShare = 0.25, StrongScoreThreshold = 0.5 };

        Setup().PostConfigure(null, options);

        var set = CalibrationScoreSet.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calibration-scores.json")));
        var share = set.Scores.Count(s => s >= options.StrongScoreThreshold) / (double)set.Scores.Count;
        Assert.NotEqual(0.5, options.StrongScoreThreshold);
        Assert.InRange(share, 0.20, 0.30);
    }

    [Fact]
    public void PostConfigure_NoShare_LeavesTheConfiguredThreshold()
    {
        var options = new RoutingOptions { StrongScoreThreshold = 0.42 };

        Setup().PostConfigure(null, options);

        Assert.Equal(0.42, options.StrongScoreThreshold);
    }

    [Fact]
    public void PostConfigure_MissingCalibrationFile_FailsStartClearly()
    {
        var options = new RoutingOptions { ProprietaryShare = 0.3, CalibrationScoresPath = "no-such-file.json" };

        var ex = Assert.Throws<OptionsValidationException>(() => Setup().PostConfigure(null, options));

        Assert.Contains("no-such-file.json", ex.Message, StringComparison.Ordinal);
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = string.Empty;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

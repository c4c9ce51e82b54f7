using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Routing;

/// <summary>
/// At start, turns <see cref="RoutingOptions.ProprietaryShare"/> into <see cref="RoutingOptions.StrongScoreThreshold"/>
/// from the calibration set's score quantiles, and reports what it chose. A missing or unreadable calibration file is
/// a start error: the operator asked for a share the gateway cannot honour.
/// </summary>
internal sealed partial class CalibratedThresholdSetup(IHostEnvironment environment, ILogger<CalibratedThresholdSetup> logger)
    : IPostConfigureOptions<RoutingOptions>
{
    public void PostConfigure(string? name, RoutingOptions options)
    {
        if (options.ProprietaryShare is not { } share)
        {
            return;
        }

        var path = Path.GetFullPath(options.CalibrationScoresPath, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            path = Path.GetFullPath(options.CalibrationScoresPath, AppContext.BaseDirectory);
        }

        CalibrationScoreSet set;
        try
        {
            set = CalibrationScoreSet.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException or InvalidDataException)
        {
            throw new OptionsValidationException(nameof(RoutingOptions), typeof(RoutingOptions),
                [$"Routing:ProprietaryShare is set but the calibration scores at '{path}' cannot be read: {ex.Message}"]);
        }

        var calibrated = ThresholdCalibrator.Calibrate(set.Scores, share);
        options.StrongScoreThreshold = calibrated.Threshold;
        LogCalibrated(calibrated.Threshold, share, calibrated.SampleShare, calibrated.SampleSize, set.WeightsSha256);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Routing threshold calibrated to {Threshold:0.0000} for an API share of {RequestedShare:P1} (calibration sample: {SampleShare:P1} of {SampleSize} prompts; router weights {WeightsSha256})")]
    private partial void LogCalibrated(double threshold, double requestedShare, double sampleShare, int sampleSize, string weightsSha256);
}

using System.Text;
using LLama.Native;

namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// Sends llama.cpp's own log (one process-wide callback) to an <see cref="ILogger"/> instead of stderr, one
/// level lower than llama.cpp gives it: its "info" is a hundred lines of tensor and context details per load.
/// </summary>
internal static class LlamaNativeLog
{
    [ThreadStatic]
    private static StringBuilder? t_line;

    [ThreadStatic]
    private static LogLevel t_previousLevel;

    public static void RouteTo(ILogger logger) => NativeLogConfig.llama_log_set((level, message) =>
    {
        // llama.cpp writes a line in several calls; "Continue" carries on the previous call's level.
        var logLevel = t_previousLevel = level switch
        {
            LLamaLogLevel.Error => LogLevel.Error,
            LLamaLogLevel.Warning => LogLevel.Warning,
            LLamaLogLevel.Info => LogLevel.Debug,
            LLamaLogLevel.Continue => t_previousLevel,
            _ => LogLevel.Trace,
        };
        var line = t_line ??= new StringBuilder();
        line.Append(message);
        if (!message.EndsWith('\n'))
        {
            return;
        }

        line.Length--;
        if (logger.IsEnabled(logLevel))
        {
            logger.NativeMessage(logLevel, line.ToString());
        }

        line.Clear();
    });
}
